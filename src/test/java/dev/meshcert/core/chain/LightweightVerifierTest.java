package dev.meshcert.core.chain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LightweightVerifierTest {

  private final TestPki pki = new TestPki();

  private static LightweightVerifier.IssuerKey key(TestPki.Issued issuer) {
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

  @ParameterizedTest(name = "{0}")
  @CsvSource({"EC, SHA256withECDSA", "EC-P384, SHA384withECDSA"})
  void keepsItsVerdictsOnceAKeyHasCombTables(String keyKind, String algorithm) {
    TestPki.Issued root = pki.root("CN=Root").key(keyKind).signatureAlgorithm(algorithm).issue();
    TestPki.Issued impostor =
        pki.root("CN=Root").key(keyKind).signatureAlgorithm(algorithm).issue();
    LightweightVerifier.IssuerKey key = key(root);

    for (int i = 0; i < LightweightVerifier.COMB_AFTER_USES + 3; i++) {
      assertTrue(
          LightweightVerifier.verifies(
              pki.leaf(root).signatureAlgorithm(algorithm).issue().facts(), key),
          "genuine leaf " + i);
      assertFalse(
          LightweightVerifier.verifies(
              pki.leaf(impostor).signatureAlgorithm(algorithm).issue().facts(), key),
          "leaf of another key " + i);
    }
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

  @Test
  void leavesAnRsaKeyWithAnEvenModulusToTheJcaPath() throws Exception {
    TestPki.Issued root = pki.root("CN=Root").key("RSA").issue();
    byte[] evenModulusKey =
        new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(BigInteger.ONE.shiftLeft(2047), BigInteger.valueOf(65537)))
            .getEncoded();
    PublicKey odd =
        new PublicKey() {
          @Override
          public String getAlgorithm() {
            return "RSA";
          }

          @Override
          public String getFormat() {
            return "X.509";
          }

          @Override
          public byte[] getEncoded() {
            return evenModulusKey.clone();
          }
        };
    TestPki.Issued leaf = pki.leaf(root).keyPair(new KeyPair(odd, null)).issue();

    assertTrue(LightweightVerifier.key(leaf.facts()).isEmpty());
  }
}
