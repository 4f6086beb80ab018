package dev.meshcert.core.chain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LightweightVerifierTest {

  private final TestPki pki = new TestPki();

  private static AsymmetricKeyParameter key(TestPki.Issued issuer) {
    return LightweightVerifier.key(issuer.facts()).orElseThrow();
  }

  @ParameterizedTest(name = "{0} key, {1}")
  @CsvSource({
    "EC, SHA256withECDSA",
    "EC, SHA1withECDSA",
    "EC-P384, SHA384withECDSA",
    "EC-P521, SHA512withECDSA",
    "RSA, SHA256withRSA",
    "RSA, SHA1withRSA",
    "RSA, SHA384withRSA",
    "RSA, SHA512withRSA",
    "Ed25519, Ed25519"
  })
  void confirmsAValidSignature(String keyKind, String algorithm) {
    TestPki.Issued root = pki.root("CN=Root").key(keyKind).signatureAlgorithm(algorithm).issue();
    TestPki.Issued leaf = pki.leaf(root).signatureAlgorithm(algorithm).issue();

    assertTrue(LightweightVerifier.verifies(leaf.facts(), key(root)));
  }

  @Test
  void doesNotConfirmASignatureByAnotherKey() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    TestPki.Issued other = pki.root("CN=Root").issue();
    TestPki.Issued leaf = pki.leaf(root).issue();

    assertFalse(LightweightVerifier.verifies(leaf.facts(), key(other)));
  }

  @Test
  void doesNotConfirmAnRsaSignatureWithAnEcKey() {
    TestPki.Issued rsa = pki.root("CN=Root").key("RSA").issue();
    TestPki.Issued ec = pki.root("CN=Root").key("EC").issue();
    TestPki.Issued leaf = pki.leaf(rsa).issue();

    assertFalse(LightweightVerifier.verifies(leaf.facts(), key(ec)));
  }

  @Test
  void leavesOtherAlgorithmsToTheJcaPath() {
    TestPki.Issued root =
        pki.root("CN=Root").key("RSA").signatureAlgorithm("SHA224withRSA").issue();
    TestPki.Issued leaf = pki.leaf(root).signatureAlgorithm("SHA224withRSA").issue();
    CertificateFacts child = leaf.facts();

    assertFalse(LightweightVerifier.verifies(child, key(root)));
    assertTrue(new SignatureVerifier().verifies(child, root.facts()));
  }
}
