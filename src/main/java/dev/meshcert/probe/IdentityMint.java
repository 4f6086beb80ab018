package dev.meshcert.probe;

import dev.meshcert.core.spiffe.SpiffeIdParser;
import dev.meshcert.core.spiffe.SpiffeIdResult;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints a short-lived workload identity in memory from a CA certificate and key the user supplies
 * (Istio's {@code cacerts} Secret: {@code ca-cert.pem}, {@code ca-key.pem}, {@code
 * cert-chain.pem}), shaped like an Istio workload certificate: empty subject, the SPIFFE ID as a
 * critical URI SAN, ECDSA P-256, digitalSignature and keyEncipherment, serverAuth and clientAuth.
 * The new key never leaves memory; the CA key is used to sign once and not kept.
 */
public final class IdentityMint {

  /** Longest lifetime a minted identity may have. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(24);

  /** Istio's default workload certificate lifetime is 24 h; a probe needs far less. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  /** Clock skew allowance: the certificate is valid from a minute before now. */
  private static final Duration BACKDATE = Duration.ofMinutes(1);

  private IdentityMint() {}

  /**
   * Mints an identity.
   *
   * @param caChain the signing CA first, then the certificates above it up to the root (the chain
   *     the minted leaf is presented with)
   * @param caKey the signing CA's private key
   * @param spiffeId the SPIFFE ID to carry ("spiffe://cluster.local/ns/default/sa/sleep")
   * @param lifetime how long the certificate is valid, at most {@link #MAX_LIFETIME}
   * @param clock what "now" is
   * @throws IdentityException when the ID is not a valid SPIFFE ID, the first certificate is not a
   *     CA, or the key does not belong to it
   */
  public static ClientIdentity mint(
      List<X509Certificate> caChain,
      PrivateKey caKey,
      String spiffeId,
      Duration lifetime,
      Clock clock)
      throws IdentityException {
    if (caChain.isEmpty()) {
      throw new IdentityException("no CA certificate given");
    }
    SpiffeIdResult id = SpiffeIdParser.parse(spiffeId);
    if (!id.valid()) {
      throw new IdentityException(
          "not a valid SPIFFE ID: "
              + spiffeId
              + " ("
              + id.errors().stream().map(v -> v.detail()).collect(Collectors.joining("; "))
              + ")");
    }
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IdentityException("the lifetime must be between 1 second and 24 hours");
    }
    X509Certificate ca = caChain.get(0);
    if (ca.getBasicConstraints() < 0) {
      throw new IdentityException(
          "the CA certificate "
              + ca.getSubjectX500Principal().getName()
              + " is not a CA (basicConstraints CA:FALSE or missing)");
    }
    if (!PemIdentities.belongsTo(caKey, ca.getPublicKey())) {
      throw new IdentityException("the CA key does not belong to the CA certificate");
    }
    Instant now = clock.instant();
    Instant notAfter = now.plus(lifetime);
    if (ca.getNotAfter().toInstant().isBefore(notAfter)) {
      notAfter = ca.getNotAfter().toInstant();
    }
    KeyPair keys = keyPair();
    X509Certificate leaf = sign(ca, caKey, keys, spiffeId, now.minus(BACKDATE), notAfter);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(leaf);
    chain.addAll(caChain);
    return new ClientIdentity(keys.getPrivate(), chain);
  }

  private static X509Certificate sign(
      X509Certificate ca,
      PrivateKey caKey,
      KeyPair keys,
      String spiffeId,
      Instant notBefore,
      Instant notAfter)
      throws IdentityException {
    try {
      SecureRandom random = new SecureRandom();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
              new BigInteger(127, random).setBit(126),
              Date.from(notBefore),
              Date.from(notAfter),
              new X500Name(""),
              keys.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      b.addExtension(
          Extension.extendedKeyUsage,
          false,
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
      b.addExtension(
          Extension.subjectAlternativeName,
          true,
          new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, spiffeId)));
      return new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder(algorithm(caKey)).build(caKey)));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IdentityException("the identity could not be signed: " + e.getMessage(), e);
    }
  }

  private static String algorithm(PrivateKey caKey) {
    return switch (caKey.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> "SHA256withECDSA";
    };
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JRE cannot make P-256 keys", e);
    }
  }
}
