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
}
