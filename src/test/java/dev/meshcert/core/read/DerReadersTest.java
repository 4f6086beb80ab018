package dev.meshcert.core.read;

import static dev.meshcert.core.read.Inputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DER, concatenated DER, bare base64 of DER, and PKCS#7. */
class DerReadersTest {

  private static final TestPki PKI = new TestPki();
  private static final TestPki.Issued ROOT = PKI.root("CN=Root").issue();
  private static final TestPki.Issued INTERMEDIATE = PKI.intermediate(ROOT, "CN=Int").issue();
  private static final TestPki.Issued LEAF =
      PKI.leaf(INTERMEDIATE).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();

  private static Source read(FormatReader r, byte[] content) {
    assertTrue(r.accepts(content), () -> r.format() + " should accept");
    return r.read("test", content, PasswordProvider.none());
  }

  private static List<CertificateFacts> certificates(Source s) {
    return s.certificates().stream().map(CertificateEntry::certificate).toList();
  }

  @Test
  void readsOneDerCertificateWithoutLocation() {
    Source s = read(new DerReader(), ROOT.der());
    assertEquals(List.of(ROOT.facts()), certificates(s));
    assertEquals("", s.certificates().get(0).location());
    assertTrue(s.problems().isEmpty());
  }

  @Test
  void readsConcatenatedDerInOrderWithByteOffsets() {
    Source s = read(new DerReader(), Inputs.concatenatedDer(LEAF, INTERMEDIATE, ROOT));
    assertEquals(List.of(LEAF.facts(), INTERMEDIATE.facts(), ROOT.facts()), certificates(s));
    assertEquals("certificate 2 at byte " + LEAF.der().length, s.certificates().get(1).location());
    assertTrue(s.problems().isEmpty());
  }

  @Test
  void trailingNewlineAfterDerIsNotData() {
    byte[] der = ROOT.der();
    byte[] withNewline = Arrays.copyOf(der, der.length + 1);
    withNewline[der.length] = '\n';
    Source s = read(new DerReader(), withNewline);
    assertEquals(1, s.certificates().size());
    assertTrue(s.problems().isEmpty());
  }

  @Test
  void truncatedSecondCertificateKeepsTheFirst() {
    byte[] both = Inputs.concatenatedDer(LEAF, ROOT);
    Source s = read(new DerReader(), Arrays.copyOf(both, both.length - 10));
    assertEquals(List.of(LEAF.facts()), certificates(s));
    assertEquals(1, s.problems().size());
    assertTrue(s.problems().get(0).location().startsWith("certificate 2 at byte"));
  }

  @Test
  void otherDataAfterCertificateIsAProblem() {
    byte[] der = ROOT.der();
    byte[] junk = Arrays.copyOf(der, der.length + 4);
    System.arraycopy(new byte[] {0x04, 0x02, 0x41, 0x42}, 0, junk, der.length, 4);
    Source s = read(new DerReader(), junk);
    assertEquals(1, s.certificates().size());
    assertEquals(1, s.problems().size());
  }

  @Test
  void derThatIsNotACertificateIsAProblem() {
    byte[] notCert = Inputs.pkcs7(ROOT); // a SEQUENCE, but a ContentInfo
    Source s = new DerReader().read("x", notCert, PasswordProvider.none());
    assertTrue(s.certificates().isEmpty());
    assertEquals(1, s.problems().size());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 64, 76})
  void readsBareBase64OfDerOneLineOrWrapped(int lineLength) {
    byte[] der = Inputs.concatenatedDer(LEAF, ROOT);
    String text =
        lineLength == 0
            ? Base64.getEncoder().encodeToString(der)
            : Base64.getMimeEncoder(lineLength, new byte[] {'\n'}).encodeToString(der) + "\n";
    Source s = read(new Base64DerReader(), utf8(text));
    assertEquals(List.of(LEAF.facts(), ROOT.facts()), certificates(s));
    assertEquals(InputFormat.BASE64_DER, s.format());
  }

  @Test
  void readsBareBase64OfPkcs7() {
    Source s = read(new Base64DerReader(), utf8(Inputs.b64(Inputs.pkcs7(LEAF, ROOT))));
    assertEquals(List.of(LEAF.facts(), ROOT.facts()), certificates(s));
  }

  @Test
  void base64OfSomethingElseIsNotClaimed() {
    assertFalse(new Base64DerReader().accepts(utf8(Inputs.b64("just some words here, ok"))));
    assertFalse(new Base64DerReader().accepts(utf8("not base64 at all!")));
  }

  @Test
  void base64WithBadLengthIsBadBase64() {
    String b64 = Inputs.b64(ROOT.der());
    Source s = read(new Base64DerReader(), utf8(b64 + "A"));
    assertEquals(List.of(new ReadProblem("", "bad base64")), s.problems());
  }

  @Test
  void readsDerPkcs7CertificatesInOrder() {
    Source s = read(new Pkcs7Reader(), Inputs.pkcs7(LEAF, INTERMEDIATE, ROOT));
    assertEquals(List.of(LEAF.facts(), INTERMEDIATE.facts(), ROOT.facts()), certificates(s));
    assertEquals("certificate 3", s.certificates().get(2).location());
    assertEquals(InputFormat.PKCS7, s.format());
  }

  @Test
  void readsPemPkcs7() {
    Source s = read(new Pkcs7Reader(), utf8(Inputs.pem("PKCS7", Inputs.pkcs7(LEAF, ROOT))));
    assertEquals(List.of(LEAF.facts(), ROOT.facts()), certificates(s));
    assertEquals(InputFormat.PKCS7, s.format());
  }

  @Test
  void pkcs7WithoutCertificatesSaysSo() {
    Source s = read(new Pkcs7Reader(), Inputs.pkcs7());
    assertEquals(List.of(new ReadProblem("", "PKCS#7 holds no certificates")), s.problems());
  }

  @Test
  void truncatedPkcs7IsAProblem() {
    byte[] p7 = Inputs.pkcs7(LEAF, ROOT);
    Source s = read(new Pkcs7Reader(), Arrays.copyOf(p7, p7.length / 2));
    assertTrue(s.certificates().isEmpty());
    assertTrue(s.problems().get(0).message().startsWith("not a PKCS#7 SignedData"));
  }
}
