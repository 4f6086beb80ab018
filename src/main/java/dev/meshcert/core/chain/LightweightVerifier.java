package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSAEngine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.util.Arrays;

/**
 * Verifies the usual certificate signatures (RSA PKCS#1 v1.5 and ECDSA with SHA-1 or SHA-2,
 * Ed25519) with Bouncy Castle's lightweight API on issuer keys parsed once. This is the same
 * arithmetic the JCA path of {@link SignatureVerifier} runs, without a {@code Signature} object,
 * provider lookup and key conversion per check, and without loading the JCA provider at all.
 *
 * <p>Only a positive answer is final. Anything else (another algorithm, parameters it does not
 * expect, a key of another kind, a signature that does not verify, an encoding error) returns
 * false, and the caller asks the JCA path, which gives the verdict and its reason. So this class
 * can make checks faster but never changes a verdict. Thread-safe.
 */
final class LightweightVerifier {

  /** ECDSA signature algorithms, by OID, to the JDK name of their digest. */
  private static final Map<ASN1ObjectIdentifier, String> ECDSA =
      Map.of(
          X9ObjectIdentifiers.ecdsa_with_SHA1, "SHA-1",
          X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA-256",
          X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA-384",
          X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA-512");

  /** RSA PKCS#1 v1.5 signature algorithms, by OID, to their digest. */
  private static final Map<ASN1ObjectIdentifier, Digest> RSA =
      Map.of(
          PKCSObjectIdentifiers.sha1WithRSAEncryption,
              new Digest("SHA-1", OIWObjectIdentifiers.idSHA1),
          PKCSObjectIdentifiers.sha256WithRSAEncryption,
              new Digest("SHA-256", NISTObjectIdentifiers.id_sha256),
          PKCSObjectIdentifiers.sha384WithRSAEncryption,
              new Digest("SHA-384", NISTObjectIdentifiers.id_sha384),
          PKCSObjectIdentifiers.sha512WithRSAEncryption,
              new Digest("SHA-512", NISTObjectIdentifiers.id_sha512));

  private record Digest(String name, ASN1ObjectIdentifier oid) {}

  /** From this many ECDSA checks with one key on, the key gets comb tables ({@link EcdsaComb}). */
  static final int COMB_AFTER_USES = 3;

  private LightweightVerifier() {}

  /**
   * An issuer's public key parsed once, with the comb tables an ECDSA key gets when it has signed
   * several of the certificates loaded (building them costs about two checks). Thread-safe.
   */
  static final class IssuerKey {
    private final AsymmetricKeyParameter params;
    private final AtomicInteger ecdsaUses = new AtomicInteger();
    private volatile EcdsaComb comb;

    IssuerKey(AsymmetricKeyParameter params) {
      this.params = params;
    }

    AsymmetricKeyParameter params() {
      return params;
    }

    /** The comb tables once this key has been used enough, else null. */
    EcdsaComb comb(ECPublicKeyParameters ec) {
      EcdsaComb built = comb;
      if (built != null || ecdsaUses.incrementAndGet() < COMB_AFTER_USES) {
        return built;
      }
      synchronized (this) {
        if (comb == null) {
          comb = EcdsaComb.of(ec);
        }
        return comb;
      }
    }
  }

  /**
   * The issuer's public key for this class, or empty when its algorithm is not one handled here or
   * the key does not parse (the JCA path then says why).
   */
  static Optional<IssuerKey> key(CertificateFacts issuer) {
    return params(issuer).map(IssuerKey::new);
  }

  private static Optional<AsymmetricKeyParameter> params(CertificateFacts issuer) {
    SubjectPublicKeyInfo spki = issuer.holder().getSubjectPublicKeyInfo();
    ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
    if (!alg.equals(PKCSObjectIdentifiers.rsaEncryption)
        && !alg.equals(X9ObjectIdentifiers.id_ecPublicKey)
        && !alg.equals(EdECObjectIdentifiers.id_Ed25519)) {
      return Optional.empty();
    }
    try {
      if (alg.equals(PKCSObjectIdentifiers.rsaEncryption)) {
        return rsaKey(spki);
      }
      AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
      return key.isPrivate() ? Optional.empty() : Optional.of(key);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * An RSA public key without Bouncy Castle's modulus validation, which runs Miller-Rabin rounds on
   * the modulus (tens of milliseconds for a 4,096-bit key before the JIT warms up) to refuse
   * encrypting to a prime modulus. Checking a signature is a public operation whose answer that
   * validation cannot change: a signature that verifies was made with this key. Keys that are not
   * positive and odd are left to the JCA path, which says what is wrong with them.
   */
  private static Optional<AsymmetricKeyParameter> rsaKey(SubjectPublicKeyInfo spki)
      throws IOException {
    RSAPublicKey rsa = RSAPublicKey.getInstance(spki.parsePublicKey());
    BigInteger n = rsa.getModulus();
    BigInteger e = rsa.getPublicExponent();
    if (n.signum() <= 0 || !n.testBit(0) || e.signum() <= 0 || !e.testBit(0)) {
      return Optional.empty();
    }
    return Optional.of(new RSAKeyParameters(false, n, e, true));
  }

  /**
   * Whether {@code child}'s signature certainly verifies with {@code key}; false means "not shown
   * here", not "invalid".
   */
  static boolean verifies(CertificateFacts child, IssuerKey issuerKey) {
    AsymmetricKeyParameter key = issuerKey.params();
    try {
      Certificate cert = child.holder().toASN1Structure();
      AlgorithmIdentifier algorithm = cert.getSignatureAlgorithm();
      // X509CertificateHolder.isSignatureValid refuses a mismatch between the two identifiers.
      if (!algorithm.equals(cert.getTBSCertificate().getSignature())) {
        return false;
      }
      ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
      byte[] signature = cert.getSignature().getOctets();
      // What X509CertificateHolder.isSignatureValid signs over: the DER encoding of the TBS part.
      byte[] tbs = cert.getTBSCertificate().getEncoded(ASN1Encoding.DER);
      if (key instanceof ECPublicKeyParameters ec && ECDSA.containsKey(oid)) {
        return algorithm.getParameters() == null
            && ecdsa(issuerKey, ec, digest(ECDSA.get(oid), tbs), signature);
      }
      if (key instanceof RSAKeyParameters rsa && RSA.containsKey(oid)) {
        return nullOrAbsent(algorithm) && rsa(rsa, RSA.get(oid), tbs, signature);
      }
      if (key instanceof Ed25519PublicKeyParameters ed
          && oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
        return algorithm.getParameters() == null && ed25519(ed, tbs, signature);
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean ecdsa(
      IssuerKey issuerKey, ECPublicKeyParameters key, byte[] hash, byte[] signature)
      throws IOException {
    // The JCA provider's SHA*withECDSA: strict DER (r, s), each below the group order.
    BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(key.getParameters().getN(), signature);
    EcdsaComb comb = issuerKey.comb(key);
    if (comb != null) {
      return comb.verify(hash, rs[0], rs[1]);
    }
    ECDSASigner signer = new ECDSASigner();
    signer.init(false, key);
    return signer.verifySignature(hash, rs[0], rs[1]);
  }

  private static boolean rsa(RSAKeyParameters key, Digest digest, byte[] tbs, byte[] signature)
      throws IOException {
    PKCS1Encoding pkcs1 = new PKCS1Encoding(new RSAEngine());
    pkcs1.init(false, key);
    byte[] block;
    try {
      block = pkcs1.processBlock(signature, 0, signature.length);
    } catch (InvalidCipherTextException e) {
      return false;
    }
    // Only the standard DigestInfo (with NULL parameters) is accepted here; variants go to JCA.
    byte[] expected =
        new DigestInfo(
                new AlgorithmIdentifier(digest.oid(), DERNull.INSTANCE), digest(digest.name(), tbs))
            .getEncoded(ASN1Encoding.DER);
    return Arrays.constantTimeAreEqual(expected, block);
  }

  private static boolean ed25519(Ed25519PublicKeyParameters key, byte[] tbs, byte[] signature) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(false, key);
    signer.update(tbs, 0, tbs.length);
    return signer.verifySignature(signature);
  }

  private static boolean nullOrAbsent(AlgorithmIdentifier algorithm) {
    return algorithm.getParameters() == null
        || DERNull.INSTANCE.equals(algorithm.getParameters().toASN1Primitive());
  }

  private static byte[] digest(String name, byte[] data) {
    try {
      return MessageDigest.getInstance(name).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(name + " is missing from this Java runtime", e);
    }
  }
}
