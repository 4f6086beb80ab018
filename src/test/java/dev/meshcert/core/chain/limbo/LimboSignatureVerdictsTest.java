package dev.meshcert.core.chain.limbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.SignatureVerifier;
import java.io.StringReader;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;

/**
 * The signature verdicts of {@link SignatureVerifier} (a lightweight fast path, then the JCA
 * provider) equal those of the JCA provider alone, for every ordered pair of certificates within
 * each x509-limbo case: odd encodings, mismatched algorithms and keys, self-pairs.
 */
class LimboSignatureVerdictsTest {

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  @Test
  void everyPairGetsTheVerdictOfTheJcaProvider() throws Exception {
    CertificateDecoder decoder = new CertificateDecoder();
    int pairs = 0;
    int valid = 0;
    for (LimboCase c : LimboRunner.cases()) {
      List<CertificateFacts> certs = new ArrayList<>();
      List<String> pems = new ArrayList<>(c.trustedCerts());
      pems.addAll(c.untrustedIntermediates());
      pems.add(c.peerCertificate());
      for (String pem : pems) {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
          PemObject o = reader.readPemObject();
          certs.add(decoder.decode(o.getContent()));
        } catch (Exception e) {
          // undecodable certificates never reach signature checks
        }
      }
      SignatureVerifier verifier = new SignatureVerifier();
      for (CertificateFacts child : certs) {
        for (CertificateFacts issuer : certs) {
          boolean expected = jca(child, issuer);
          assertEquals(expected, verifier.verifies(child, issuer), c.id() + ": " + child);
          pairs++;
          valid += expected ? 1 : 0;
        }
      }
    }
    assertTrue(pairs > 800 && valid > 200, pairs + " pairs, " + valid + " valid");
  }

  private static boolean jca(CertificateFacts child, CertificateFacts issuer) {
    try {
      PublicKey key = BouncyCastleProvider.getPublicKey(issuer.holder().getSubjectPublicKeyInfo());
      return key != null
          && child
              .holder()
              .isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BC).build(key));
    } catch (Exception e) {
      return false;
    }
  }
}
