package dev.meshcert.core.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlLongTokensTest {

  private static final String LONG = "QUJD".repeat(2000) + "==";

  private static Object load(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  @Test
  void shortTokensAreLeftInPlace() {
    YamlLongTokens cut = YamlLongTokens.cut("data:\n  tls.crt: " + "QUJD".repeat(100) + "\n");
    assertTrue(cut.tokens().isEmpty());
  }

  @Test
  void longTokenBecomesAShortPlaceholder() {
    YamlLongTokens cut = YamlLongTokens.cut("data:\n  tls.crt: " + LONG + "\n");
    assertEquals(List.of(LONG), cut.tokens());
    assertTrue(cut.text().length() < 100, cut.text());
  }

  @Test
  void restoredDocumentEqualsTheDocumentReadDirectly() {
    String yaml =
        "a: " + LONG + "\nb:\n- \"" + LONG + "\"\n- x" + LONG + "y\nc: |\n  " + LONG + "\n";
    YamlLongTokens cut = YamlLongTokens.cut(yaml);
    assertEquals(4, cut.tokens().size());
    assertEquals(load(yaml), cut.restore(load(cut.text())));
  }

  @Test
  void aliasesStayShared() {
    YamlLongTokens cut = YamlLongTokens.cut("a: &x [" + LONG + "]\nb: *x\n");
    Map<?, ?> restored = (Map<?, ?>) cut.restore(load(cut.text()));
    assertSame(restored.get("a"), restored.get("b"));
    assertEquals(List.of(LONG), restored.get("a"));
  }

  @Test
  void placeholderNeverCollidesWithTheText() {
    String yaml = "note: meshcertLongToken0x\nv: " + LONG + "\n";
    YamlLongTokens cut = YamlLongTokens.cut(yaml);
    assertFalse(yaml.contains(cut.marker()));
    assertEquals(load(yaml), cut.restore(load(cut.text())));
  }

  @Test
  void binaryTagsAreLeftAlone() {
    YamlLongTokens cut = YamlLongTokens.cut("v: !!binary " + LONG + "\n");
    assertTrue(cut.tokens().isEmpty());
  }

  @Test
  void secretWithALongOneLineValueIsReadLikeItsJson() {
    String pem = new TestPki().root("CN=Bundle Root").issue().pem();
    String b64 =
        java.util.Base64.getEncoder()
            .encodeToString(pem.repeat(20).getBytes(StandardCharsets.US_ASCII));
    assertTrue(b64.length() > YamlLongTokens.MIN_LENGTH);
    String yaml =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  ca.crt: " + b64 + "\n";
    String json =
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},"
            + "\"data\":{\"ca.crt\":\""
            + b64
            + "\"}}";
    KubernetesObjectReader reader = new KubernetesObjectReader();
    Source fromYaml =
        reader.read("s", yaml.getBytes(StandardCharsets.UTF_8), PasswordProvider.none());
    Source fromJson =
        reader.read("s", json.getBytes(StandardCharsets.UTF_8), PasswordProvider.none());
    assertEquals(20, fromYaml.certificates().size(), fromYaml.summary());
    assertEquals(fromJson.certificates(), fromYaml.certificates());
  }
}
