package dev.meshcert.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Writes a realistic PEM bundle of many certificates for the speed benchmarks: several mesh trust
 * domains, each with a root, a few intermediates (one per cluster, plug-in CA style) and
 * Istio-shaped workload leaves (empty subject, critical SPIFFE URI SAN, 24 h lifetime).
 *
 * <p>Keys: roots are RSA 2048, RSA 4096, EC P-256 or EC P-384; intermediates follow their root's
 * family; leaves under RSA issuers get RSA 2048 keys from a pool of 64 (generating 5,000 RSA keys
 * would take minutes and changes nothing for reading), leaves under EC issuers get their own P-256
 * key. Leaf validity is spread so that some are expired, some expiring, most valid at {@code now}.
 *
 * <p>Run: {@code java -cp ... dev.meshcert.bench.InspectBenchmarkBundle bundle.pem [count]}.
 */
public final class InspectBenchmarkBundle {

  static final int TRUST_DOMAINS = 8;
  static final int CLUSTERS_PER_DOMAIN = 5;
  private static final String[] NAMESPACES = {
    "default", "payments", "orders", "istio-system", "frontend", "search", "billing", "auth"
  };

  private final Random random = new Random(20261204L);
  private final SecureRandom secureRandom = new SecureRandom();
  private final Instant now;
  private long serial = 0x10000;
  private final List<KeyPair> rsaLeafKeys = new ArrayList<>();

  private InspectBenchmarkBundle(Instant now) {
    this.now = now;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: InspectBenchmarkBundle OUT.pem [COUNT]");
    }
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Files.writeString(Path.of(args[0]), pem(count, Instant.now()), StandardCharsets.US_ASCII);
  }

  /** A PEM bundle of exactly {@code count} certificates, valid around {@code now}. */
  public static String pem(int count, Instant now) {
    StringBuilder out = new StringBuilder(count * 1100);
    for (X509CertificateHolder h : new InspectBenchmarkBundle(now).certificates(count)) {
      appendPem(out, h);
    }
    return out.toString();
  }

  private List<X509CertificateHolder> certificates(int count) {
    int cas = TRUST_DOMAINS * (1 + CLUSTERS_PER_DOMAIN);
    if (count < cas) {
      throw new IllegalArgumentException("at least " + cas + " certificates");
    }
    for (int i = 0; i < 64; i++) {
      rsaLeafKeys.add(keyPair("RSA", 2048));
    }
    List<X509CertificateHolder> all = new ArrayList<>(count);
    List<Issuer> intermediates = new ArrayList<>();
    String[] rootKinds = {"RSA", "EC", "RSA", "EC"};
    int[] rootSizes = {2048, 256, 4096, 384};
    for (int d = 0; d < TRUST_DOMAINS; d++) {
      String domain = d == 0 ? "cluster.local" : "mesh" + d + ".example.com";
      String kind = rootKinds[d % 4];
      KeyPair rootKey = keyPair(kind, rootSizes[d % 4]);
      X500Name rootName = new X500Name("O=" + domain + ",CN=Root CA " + d);
      X509CertificateHolder root =
          ca(rootName, rootKey, rootName, rootKey, now.minus(Duration.ofDays(400)), 3650);
      all.add(root);
      for (int c = 0; c < CLUSTERS_PER_DOMAIN; c++) {
        KeyPair key = keyPair(kind, kind.equals("RSA") ? 2048 : 256);
        X500Name name = new X500Name("O=Istio,L=cluster" + c + ",CN=Istio CA " + d + "." + c);
        all.add(ca(name, key, rootName, rootKey, now.minus(Duration.ofDays(100 + c)), 730));
        intermediates.add(new Issuer(name, key, domain, kind));
      }
    }
    for (int i = all.size(); i < count; i++) {
      all.add(leaf(intermediates.get(random.nextInt(intermediates.size())), i));
    }
    return all;
  }

  private record Issuer(X500Name name, KeyPair key, String domain, String kind) {}

  private X509CertificateHolder ca(
      X500Name subject, KeyPair key, X500Name issuer, KeyPair signer, Instant from, int days) {
    try {
      X509v3CertificateBuilder b = builder(issuer, subject, key, signer, from, days * 86_400L);
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return sign(b, signer);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private X509CertificateHolder leaf(Issuer issuer, int index) {
    try {
      KeyPair key =
          issuer.kind().equals("RSA")
              ? rsaLeafKeys.get(random.nextInt(rsaLeafKeys.size()))
              : keyPair("EC", 256);
      // Most leaves were issued in the last 20 hours; a few are older (expired) or nearly done.
      long ageSeconds = (long) (random.nextDouble() * (random.nextInt(10) == 0 ? 40 : 20) * 3600);
      Instant from = now.minusSeconds(ageSeconds);
      X509v3CertificateBuilder b =
          builder(issuer.name(), new X500Name(""), key, issuer.key(), from, 86_400L);
      String ns = NAMESPACES[random.nextInt(NAMESPACES.length)];
      String sa = "workload-" + (index % 997);
      GeneralName san =
          new GeneralName(
              GeneralName.uniformResourceIdentifier,
              "spiffe://" + issuer.domain() + "/ns/" + ns + "/sa/" + sa);
      b.addExtension(Extension.subjectAlternativeName, true, new GeneralNames(san));
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
      return sign(b, issuer.key());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair key, KeyPair signer, Instant from, long seconds)
      throws GeneralSecurityException, IOException {
    SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded());
    SubjectPublicKeyInfo signerSpki =
        SubjectPublicKeyInfo.getInstance(signer.getPublic().getEncoded());
    // 16 random bytes, like Istio's CA.
    BigInteger sn =
        new BigInteger(1, randomBytes(16)).setBit(120).add(BigInteger.valueOf(serial++));
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(
            issuer, sn, Date.from(from), Date.from(from.plusSeconds(seconds)), subject, spki);
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(spki));
    b.addExtension(
        Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(signerSpki));
    return b;
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static X509CertificateHolder sign(X509v3CertificateBuilder b, KeyPair signer) {
    try {
      String alg =
          signer.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return b.build(new JcaContentSignerBuilder(alg).build(signer.getPrivate()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private KeyPair keyPair(String kind, int size) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(kind);
      if (kind.equals("EC")) {
        g.initialize(new ECGenParameterSpec(size == 384 ? "secp384r1" : "secp256r1"), secureRandom);
      } else {
        g.initialize(size, secureRandom);
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void appendPem(StringBuilder out, X509CertificateHolder h) {
    try {
      out.append("-----BEGIN CERTIFICATE-----\n");
      out.append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(h.getEncoded()));
      out.append("\n-----END CERTIFICATE-----\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
