package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Certs.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateDecodeException;
import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.ExtensionFacts;
import dev.meshcert.testpki.TestPki;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.Test;

/** RFC 5280 basics and validity, each kept and broken, with generated certificates. */
class X509RulesTest {

  private final TestPki pki = new TestPki();
  private final TestPki.Issued root = pki.root("CN=root").issue();

  @Test
  void plainCertificateHasNoFindings() {
    assertEquals(List.of(), lint(pki.leaf(root).subject("CN=web").dnsSan("web")));
  }

  @Test
  void flagsNegativeSerial() {
    assertEquals(
        Set.of("X509-SERIAL-NEGATIVE"),
        ids(lint(pki.leaf(root).subject("CN=web").serial(BigInteger.valueOf(-5)))));
  }

  @Test
  void warnsAboutZeroSerial() {
    assertEquals(
        Set.of("X509-SERIAL-ZERO"),
        ids(lint(pki.leaf(root).subject("CN=web").serial(BigInteger.ZERO)), Severity.WARNING));
  }

  @Test
  void acceptsSerialOfTwentyOctets() {
    BigInteger twenty = BigInteger.ONE.shiftLeft(159 - 1).add(BigInteger.ONE);
    assertEquals(20, twenty.toByteArray().length);
    assertEquals(List.of(), lint(pki.leaf(root).subject("CN=web").serial(twenty)));
  }

  @Test
  void warnsAboutSerialOfTwentyOneOctets() {
    BigInteger longer = BigInteger.ONE.shiftLeft(160);
    assertEquals(21, longer.toByteArray().length);
    assertEquals(
        Set.of("X509-SERIAL-TOO-LONG"), ids(lint(pki.leaf(root).subject("CN=web").serial(longer))));
  }

  @Test
  void acceptsEmptySubjectWithCriticalSan() {
    assertEquals(List.of(), lint(pki.leaf(root).dnsSan("web")));
  }

  @Test
  void flagsEmptySubjectWithNonCriticalSan() {
    assertEquals(
        Set.of("X509-EMPTY-SUBJECT-SAN-NOT-CRITICAL"),
        ids(lint(pki.leaf(root).dnsSan("web").sanCritical(false))));
  }

  @Test
  void flagsEmptySubjectWithoutSan() {
    assertEquals(Set.of("X509-EMPTY-SUBJECT-NO-SAN"), ids(lint(pki.leaf(root))));
  }

  @Test
  void flagsExpiredCertificate() {
    List<Finding> f =
        lint(
            pki.leaf(root)
                .subject("CN=web")
                .validity(TestPki.NOW.minus(Duration.ofDays(2)), TestPki.NOW.minusSeconds(1)));
    assertEquals(Set.of("VALIDITY-EXPIRED"), ids(f));
  }

  @Test
  void acceptsCertificateOnItsLastSecond() {
    assertEquals(
        List.of(),
        lint(pki.leaf(root).subject("CN=web").validity(TestPki.NOW.minusSeconds(60), TestPki.NOW)));
  }

  @Test
  void flagsCertificateNotValidYet() {
    assertEquals(
        Set.of("VALIDITY-NOT-YET-VALID"),
        ids(
            lint(
                pki.leaf(root)
                    .subject("CN=web")
                    .validity(TestPki.NOW.plusSeconds(1), TestPki.NOW.plusSeconds(3600)))));
  }

  @Test
  void flagsInvertedValidity() {
    assertEquals(
        Set.of("VALIDITY-INVERTED"),
        ids(
            lint(
                pki.leaf(root)
                    .subject("CN=web")
                    .validity(TestPki.NOW.plusSeconds(60), TestPki.NOW.minusSeconds(60)))));
  }

  @Test
  void flagsRepeatedExtensionListedByDecoder() {
    CertificateFacts real = pki.leaf(root).subject("CN=web").issue().facts();
    List<ExtensionFacts> twice = new ArrayList<>(real.extensions());
    twice.add(real.extension("2.5.29.15").orElseThrow());
    CertificateFacts repeated = withExtensions(real, twice);
    List<Finding> f =
        CertificateLints.lint(repeated, CertificateRole.LEAF, Optional.empty(), ctx());
    assertEquals(Set.of("X509-EXTENSION-DUPLICATE"), ids(f));
    assertTrue(f.get(0).explanation().contains("2.5.29.15"), f.get(0).explanation());
  }

  /**
   * Why the rule above works on a constructed record: the decoder refuses a certificate with a
   * repeated extension, naming it, so no facts exist to lint.
   */
  @Test
  void decoderRefusesCertificateWithRepeatedExtension() throws Exception {
    Certificate cert = pki.leaf(root).subject("CN=web").issue().holder().toASN1Structure();
    String first = cert.getTBSCertificate().getExtensions().getExtensionOIDs()[0].getId();
    byte[] der = withRepeatedFirstExtension(cert);
    CertificateDecodeException e =
        assertThrows(CertificateDecodeException.class, () -> new CertificateDecoder().decode(der));
    assertTrue(e.getMessage().contains(first), e.getMessage());
  }

  private static byte[] withRepeatedFirstExtension(Certificate cert) throws Exception {
    ASN1Sequence tbs = ASN1Sequence.getInstance(cert.getTBSCertificate().getEncoded());
    ASN1EncodableVector fields = new ASN1EncodableVector();
    for (int i = 0; i < tbs.size(); i++) {
      if (tbs.getObjectAt(i) instanceof ASN1TaggedObject t && t.getTagNo() == 3) {
        ASN1Sequence exts = ASN1Sequence.getInstance(t.getBaseObject());
        ASN1EncodableVector v = new ASN1EncodableVector();
        exts.forEach(v::add);
        v.add(exts.getObjectAt(0));
        fields.add(new DERTaggedObject(true, 3, new DERSequence(v)));
      } else {
        fields.add(tbs.getObjectAt(i));
      }
    }
    ASN1EncodableVector c = new ASN1EncodableVector();
    c.add(new DERSequence(fields));
    c.add(cert.getSignatureAlgorithm());
    c.add(cert.getSignature());
    return new DERSequence(c).getEncoded();
  }

  private static CertificateFacts withExtensions(CertificateFacts f, List<ExtensionFacts> exts) {
    return new CertificateFacts(
        f.holder(),
        f.sha256(),
        f.sha1(),
        f.version(),
        f.serial(),
        f.subject(),
        f.issuer(),
        f.notBefore(),
        f.notAfter(),
        f.publicKey(),
        f.signatureAlgorithm(),
        f.signatureAlgorithmOid(),
        exts,
        f.subjectAltNames(),
        f.ca(),
        f.pathLength(),
        f.keyUsage(),
        f.extendedKeyUsage(),
        f.subjectKeyId(),
        f.authorityKeyId());
  }

  private static LintContext ctx() {
    return LintContext.at(TestPki.NOW);
  }

  private static List<Finding> lint(TestPki.Builder b) {
    return CertificateLints.lint(b.issue().facts(), CertificateRole.LEAF, Optional.empty(), ctx());
  }
}
