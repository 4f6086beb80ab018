package dev.meshcert.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateDecoderTest {

  private final TestPki pki = new TestPki();
  private final CertificateDecoder decoder = new CertificateDecoder();

  @Test
  void decodesAnIstioShapedWorkloadLeaf() throws Exception {
    TestPki.Issued root = pki.root("O=cluster.local").issue();
    TestPki.Issued leaf = pki.leaf(root).uriSan("spiffe://cluster.local/ns/default/sa/web").issue();

    CertificateFacts f = decoder.decode(leaf.der());

    assertEquals("", f.subject());
    assertTrue(f.subjectEmpty());
    assertEquals("O=cluster.local", f.issuer());
    assertEquals(Optional.of("spiffe://cluster.local/ns/default/sa/web"), f.spiffeUri());
    assertFalse(f.ca());
    assertEquals(
        Optional.of(Set.of(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.KEY_ENCIPHERMENT)),
        f.keyUsage());
    assertEquals(List.of("serverAuth", "clientAuth"), f.extendedKeyUsage());
    assertEquals("EC P-256", f.publicKey().describe());
    assertEquals(f.authorityKeyId(), root.facts().subjectKeyId());
    assertTrue(f.extension("2.5.29.17").orElseThrow().critical());
    assertEquals(64, f.sha256().length());
  }

  @Test
  void printsSubjectInRfc4514Order() throws Exception {
    TestPki.Issued root = pki.root("C=US,O=Example,CN=Root").issue();
    assertEquals("CN=Root,O=Example,C=US", decoder.decode(root.der()).subject());
  }

  @Test
  void refusesTrailingBytes() {
    byte[] der = pki.root("CN=x").issue().der();
    byte[] longer = java.util.Arrays.copyOf(der, der.length + 3);
    CertificateDecodeException e =
        assertThrows(CertificateDecodeException.class, () -> decoder.decode(longer));
    assertTrue(e.getMessage().contains("trailing"), e.getMessage());
  }

  @Test
  void refusesRandomBytesWithAReason() {
    CertificateDecodeException e =
        assertThrows(
            CertificateDecodeException.class, () -> decoder.decode(new byte[] {0x30, 0x03, 1, 2}));
    assertTrue(e.getMessage().startsWith("not DER: "), e.getMessage());
  }

  @Test
  void decodesACertificateWithAnEmptyIssuer() throws Exception {
    // Bouncy Castle refuses to build one, so take x509-limbo's.
    var limbo =
        com.google.gson.JsonParser.parseString(
                PemBlocks.utf8("/corpus/x509-limbo/limbo.ddc40b4-2023-12-02.json"))
            .getAsJsonObject();
    String pem = "";
    for (var t : limbo.getAsJsonArray("testcases")) {
      if (t.getAsJsonObject().get("id").getAsString().equals("rfc5280::ee-empty-issuer")) {
        pem = t.getAsJsonObject().get("trusted_certs").getAsJsonArray().get(0).getAsString();
      }
    }
    byte[] der = PemBlocks.certificates(pem).get(0).orElseThrow();
    CertificateFacts f = decoder.decode(der);
    assertEquals("", f.issuer());
    assertFalse(f.subject().isEmpty());
  }

  @Test
  void saysWhatItGotWhenTheDerIsNoSequence() {
    CertificateDecodeException e =
        assertThrows(
            CertificateDecodeException.class, () -> decoder.decode(new byte[] {0x04, 0x01, 0x00}));
    assertEquals(
        "not an X.509 certificate: it is an ASN.1 OCTET STRING, not a SEQUENCE", e.getMessage());
  }

  @Test
  void notesWhenTheInnerAndOuterSignatureAlgorithmsDiffer() throws Exception {
    CertificateFacts f =
        PemBlocks.first("/corpus/x509-limbo/assets/cryptography.io_mismatched.pem");
    assertFalse(f.signatureAlgorithmsAgree());
    assertTrue(pki.root("CN=x").issue().facts().signatureAlgorithmsAgree());
  }
}
