package dev.meshcert.core.read;

import static dev.meshcert.core.read.Inputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.Hex;
import dev.meshcert.testpki.TestPki;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemKeysTest {

  private static final TestPki PKI = new TestPki();

  private static KeyEntry onlyKey(String pem) {
    Source s = new PemReader().read("test", utf8(pem), PasswordProvider.none());
    assertTrue(s.problems().isEmpty(), () -> s.problems().toString());
    assertEquals(1, s.keys().size());
    return s.keys().get(0);
  }

  private static String spkiSha256(TestPki.Issued c) {
    return Hex.lower(Hex.digest("SHA-256", c.keyPair().getPublic().getEncoded()));
  }

  @Test
  void derivesPublicKeyOfPkcs1RsaKey() {
    TestPki.Issued c = PKI.root("CN=K").key("RSA").issue();
    String pem = c.keyPem();
    assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY"));
    KeyEntry k = onlyKey(pem);
    assertEquals("RSA", k.algorithm());
    assertEquals("2048 bits", k.description());
    assertEquals(Optional.of(spkiSha256(c)), k.publicKeySha256());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"EC, P-256", "EC-P384, P-384", "EC-P521, P-521"})
  void derivesPublicKeyOfSec1EcKey(String kind, String curve) {
    TestPki.Issued c = PKI.root("CN=K").key(kind).issue();
    KeyEntry k = onlyKey(Inputs.sec1Pem(c.keyPair()));
    assertEquals("EC", k.algorithm());
    assertEquals(curve, k.description());
    assertEquals(Optional.of(spkiSha256(c)), k.publicKeySha256());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"EC, P-256", "EC-P384, P-384", "EC-P521, P-521"})
  void sec1KeyWithoutCurveGetsTheCurveOfItsLength(String kind, String curve) {
    TestPki.Issued c = PKI.root("CN=K").key(kind).issue();
    KeyEntry k = onlyKey(c.keyPem()); // Bouncy Castle writes SEC 1 without the curve
    assertEquals("EC", k.algorithm());
    assertEquals(curve + " (curve not given in the key: assumed from its length)", k.description());
    assertEquals(Optional.of(spkiSha256(c)), k.publicKeySha256());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"RSA, RSA", "EC, EC", "Ed25519, Ed25519"})
  void derivesPublicKeyOfPkcs8Key(String kind, String alg) {
    TestPki.Issued c = PKI.root("CN=K").key(kind).issue();
    KeyEntry k = onlyKey(Inputs.pkcs8Pem(c.keyPair().getPrivate()));
    assertEquals(alg, k.algorithm());
    assertEquals(Optional.of(spkiSha256(c)), k.publicKeySha256());
  }

  @Test
  void encryptedPkcs8KeyIsDescribedAsEncrypted() {
    TestPki.Issued c = PKI.root("CN=K").issue();
    KeyEntry k = onlyKey(Inputs.encryptedPkcs8Pem(c.keyPair().getPrivate(), "pw".toCharArray()));
    assertEquals("encrypted", k.description());
    assertEquals(Optional.empty(), k.publicKeySha256());
  }

  @Test
  void traditionalKeyEncryptedByHeadersIsDescribedAsEncrypted() {
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + "Proc-Type: 4,ENCRYPTED\n"
            + "DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n"
            + "AAAA\n"
            + "-----END RSA PRIVATE KEY-----\n";
    KeyEntry k = onlyKey(pem);
    assertEquals("RSA", k.algorithm());
    assertEquals("encrypted", k.description());
  }

  @Test
  void keyNeverShowsItsMaterialInToString() {
    TestPki.Issued c = PKI.root("CN=K").key("EC").issue();
    KeyEntry k = onlyKey(Inputs.sec1Pem(c.keyPair()));
    assertTrue(k.toString().endsWith("[redacted]"));
    assertFalse(k.toString().contains(k.publicKeySha256().orElseThrow()));
  }

  @Test
  void corpusKeyMatchesItsCertificateSpki() {
    Source key =
        new PemReader()
            .read("k", Corpus.bytes("istio/samples/certs/ca-key.pem"), PasswordProvider.none());
    Source cert =
        new PemReader()
            .read("c", Corpus.bytes("istio/samples/certs/ca-cert.pem"), PasswordProvider.none());
    byte[] spki =
        java.util.Base64.getDecoder()
            .decode(cert.certificates().get(0).certificate().publicKey().spkiSha256Base64());
    assertEquals(Optional.of(Hex.lower(spki)), key.keys().get(0).publicKeySha256());
  }
}
