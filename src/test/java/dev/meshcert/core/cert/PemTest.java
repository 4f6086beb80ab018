package dev.meshcert.core.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemTest {

  @Test
  void reproducesAStandardPemFileByteForByte() throws Exception {
    String file = PemBlocks.text("/corpus/istio/samples/certs/root-cert.pem");
    CertificateFacts c = PemBlocks.first("/corpus/istio/samples/certs/root-cert.pem");
    assertEquals(file, Pem.encode(c.der()));
  }

  @Test
  void wrapsBase64AtSixtyFourCharacters() {
    String pem = Pem.encode(new TestPki().root("CN=x").key("RSA").issue().der());
    List<String> lines = pem.lines().toList();
    assertEquals("-----BEGIN CERTIFICATE-----", lines.get(0));
    assertEquals("-----END CERTIFICATE-----", lines.get(lines.size() - 1));
    for (String l : lines.subList(1, lines.size() - 2)) {
      assertEquals(64, l.length(), l);
    }
    assertTrue(lines.get(lines.size() - 2).length() <= 64);
  }

  @Test
  void roundTripsThroughTheDecoder() throws Exception {
    byte[] der = new TestPki().root("CN=x").issue().der();
    byte[] back = PemBlocks.certificates(Pem.encode(der)).get(0).orElseThrow();
    assertArrayEquals(der, back);
  }

  @Test
  void takesAnyLabel() {
    assertEquals(
        "-----BEGIN PUBLIC KEY-----\nAQID\n-----END PUBLIC KEY-----\n",
        Pem.encode("PUBLIC KEY", new byte[] {1, 2, 3}));
  }
}
