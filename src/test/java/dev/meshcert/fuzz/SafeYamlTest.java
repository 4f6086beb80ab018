package dev.meshcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.read.SafeYaml;
import dev.meshcert.mesh.detect.MeshConfig;
import dev.meshcert.mesh.detect.MeshConfigParser;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationParser;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The cluster-side YAML parsers (PeerAuthentication, Istio's mesh config, Linkerd's values) read
 * through {@link SafeYaml}: a one-line base64 value of 1.9 MB (found by the fuzz run: a second of
 * CPU in each, SnakeYAML copying its look-ahead window every 1,024 characters) is read whole, and
 * SnakeYAML's limits hold.
 */
class SafeYamlTest {

  private static String longToken() {
    byte[] raw = new byte[1_400_000];
    new Random(7).nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  @Test
  void meshConfigWithAOneLineTokenOfTwoMegabytesKeepsTheWholeValue() {
    String token = longToken();
    MeshConfig m = MeshConfigParser.parse("trustDomain: " + token + "\n");
    assertEquals(token, m.trustDomain());
  }

  @Test
  void peerAuthenticationWithAOneLineTokenOfTwoMegabytesIsJudgedOnTheWholeValue() {
    String token = longToken();
    List<ParsedPeerAuthentication> parsed =
        PeerAuthenticationParser.parseYaml(
            "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n"
                + "  name: p\n  namespace: ns\nspec:\n  selector:\n    matchLabels:\n      app: "
                + token
                + "\n  mtls:\n    mode: STRICT\n",
            "default");
    assertEquals(1, parsed.size());
    assertTrue(
        parsed.get(0).errors().stream().anyMatch(e -> e.toString().contains("app")),
        "a label value of 1.9 MB is invalid, as it was before the token was taken out: "
            + parsed.get(0).errors());
  }

  @Test
  void binaryValuesAreRefused() {
    assertThrows(YAMLException.class, () -> SafeYaml.loadAll("a: !!binary aGVsbG8=\n"));
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      b.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    assertThrows(YAMLException.class, () -> SafeYaml.loadAll(b.toString()));
  }
}
