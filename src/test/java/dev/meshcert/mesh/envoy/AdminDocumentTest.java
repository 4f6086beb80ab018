package dev.meshcert.mesh.envoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdminDocumentTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void gateRefusesDerWithoutScanningIt() {
    assertFalse(AdminDocument.mayBeDocument(new TestPki().root("CN=x").issue().der()));
  }

  @Test
  void gateRefusesPem() {
    assertFalse(AdminDocument.mayBeDocument(utf8(new TestPki().root("CN=x").issue().pem())));
  }

  @Test
  void gateLetsJsonYamlAndHttpResponsesThrough() {
    assertTrue(AdminDocument.mayBeDocument(utf8("\uFEFF  {\"configs\": []}")));
    assertTrue(AdminDocument.mayBeDocument(utf8("configs:\n- a: b\n")));
    assertTrue(AdminDocument.mayBeDocument(utf8("HTTP/1.1 200 OK\n\n{}")));
  }

  @Test
  void deeplyNestedJsonIsAProblemNotACrash() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    AdminDocument document = AdminDocument.parse(utf8(deep));
    assertTrue(document.tree().isEmpty());
    assertEquals(1, document.problems().size());
  }

  @Test
  void yamlAliasBombIsAProblemNotACrash() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      yaml.append(("*" + p + ", ").repeat(9)).append("*").append(p).append("]\n");
    }
    AdminDocument document = AdminDocument.parse(utf8(yaml.toString()));
    assertTrue(document.tree().isEmpty());
    assertEquals(1, document.problems().size());
  }

  @Test
  void emptyBodyAfterHeadersIsAProblem() {
    AdminDocument document = AdminDocument.parse(utf8("HTTP/1.1 200 OK\r\nserver: envoy\r\n\r\n"));
    assertEquals("the document is empty", document.problems().get(0).message());
  }
}
