package dev.meshcert.testpki;

import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small test PKI: certificates built with Bouncy Castle relative to a fixed clock ({@link #NOW};
 * {@link #live()} for real TLS peers). Every test that needs a certificate with a particular shape
 * builds it here.
 *
 * <pre>{@code
 * TestPki pki = new TestPki();
 * TestPki.Issued root = pki.root("CN=Root").issue();
 * TestPki.Issued leaf = pki.leaf(root).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();
 * }</pre>
 */
public final class TestPki {

  /** The instant every test treats as "now": 2026-12-04T00:00:00Z. */
  public static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");

  /** A clock fixed at {@link #NOW}. */
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static final SecureRandom RANDOM = new SecureRandom();
  private final AtomicLong serials = new AtomicLong(0x1000);
  private final Instant now;

  /** A PKI whose certificates are valid around {@link #NOW}. */
  public TestPki() {
    this(NOW);
  }

  private TestPki(Instant now) {
    this.now = now;
  }

  /** A PKI whose certificates are valid around {@code now}. */
  public static TestPki at(Instant now) {
    return new TestPki(now);
  }

  /**
   * A PKI whose certificates are valid around the real time, for tests whose TLS peers (JSSE,
   * openssl, nginx) check validity against the system clock: certificates made around the fixed
   * {@link #NOW} stop working there a day later.
   */
  public static TestPki live() {
    return new TestPki(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  /** The instant this PKI's default validity periods are built around. */
  public Instant now() {
    return now;
  }

  /** A key pair of the given kind: "EC" (P-256), "EC-P384", "RSA" (2048), "Ed25519". */
  public static KeyPair keyPair(String kind) {
    try {
      return switch (kind) {
        case "EC" -> ec("secp256r1");
        case "EC-P384" -> ec("secp384r1");
        case "EC-P521" -> ec("secp521r1");
        case "RSA" -> {
          KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
          g.initialize(2048, RANDOM);
          yield g.generateKeyPair();
        }
        case "Ed25519" -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        default -> throw new IllegalArgumentException(kind);
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ec(String curve) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve), RANDOM);
    return g.generateKeyPair();
  }

  /** A self-signed CA: CA:TRUE critical, keyCertSign+cRLSign critical, valid NOW-1d..NOW+10y. */
  public Builder root(String subject) {
    return new Builder(this, null)
        .subject(subject)
        .ca(true, null)
        .keyUsage(true, KeyUsage.keyCertSign | KeyUsage.cRLSign)
        .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
  }

  /** An intermediate CA signed by {@code issuer}, shaped like {@link #root}. */
  public Builder intermediate(Issued issuer, String subject) {
    return new Builder(this, issuer)
        .subject(subject)
        .ca(true, null)
        .keyUsage(true, KeyUsage.keyCertSign | KeyUsage.cRLSign)
        .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
  }

  /**
   * An Istio-shaped workload leaf: empty subject, CA:FALSE, KU digitalSignature+keyEncipherment
   * critical, EKU serverAuth+clientAuth, valid NOW-1h..NOW+23h. Add the SAN with {@link
   * Builder#uriSan}; with an empty subject the SAN is marked critical.
   */
  public Builder leaf(Issued issuer) {
    return new Builder(this, issuer)
        .subject("")
        .ca(false, null)
        .keyUsage(true, KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
        .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)
        .validity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(23)));
  }

  /** A certificate with its key pair. */
  public record Issued(X509CertificateHolder holder, KeyPair keyPair) {

    /** DER encoding. */
    public byte[] der() {
      try {
        return holder.getEncoded();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** PEM text of the certificate. */
    public String pem() {
      return TestPki.pem(holder);
    }

    /** PEM text of the private key in OpenSSL's traditional form (RSA/EC PRIVATE KEY). */
    public String keyPem() {
      return TestPki.pem(keyPair.getPrivate());
    }

    /** PEM text of the private key as PKCS#8 ("PRIVATE KEY"), which OpenSSL 3 reads. */
    public String keyPkcs8Pem() {
      try {
        return TestPki.pem(new JcaPKCS8Generator(keyPair.getPrivate(), null).generate());
      } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Decoded by the production decoder. */
    public CertificateFacts facts() {
      try {
        return new CertificateDecoder().decode(der());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** PEM text of any object Bouncy Castle's PEM writer knows. */
  public static String pem(Object o) {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }

  /** Builds one certificate; every setter returns the builder. */
  public static final class Builder {
    private final TestPki pki;
    private final Issued issuer;
    private String subject = "";
    private KeyPair keyPair;
    private String keyKind = "EC";
    private Instant notBefore;
    private Instant notAfter;
    private BigInteger serial;
    private Boolean ca;
    private Integer pathLen;
    private boolean bcCritical = true;
    private Integer keyUsage;
    private boolean kuCritical = true;
    private KeyPurposeId[] eku;
    private final List<GeneralName> sans = new ArrayList<>();
    private Boolean sanCritical;
    private boolean skiAki = true;
    private String signatureAlgorithm;
    private final List<Extension> extra = new ArrayList<>();

    private Builder(TestPki pki, Issued issuer) {
      this.pki = pki;
      this.issuer = issuer;
      this.notBefore = pki.now.minus(Duration.ofHours(1));
      this.notAfter = pki.now.plus(Duration.ofDays(1));
    }

    public Builder subject(String rfc4514OrEmpty) {
      this.subject = rfc4514OrEmpty;
      return this;
    }

    public Builder key(String kind) {
      this.keyKind = kind;
      return this;
    }

    public Builder keyPair(KeyPair keyPair) {
      this.keyPair = keyPair;
      return this;
    }

    public Builder validity(Instant notBefore, Instant notAfter) {
      this.notBefore = notBefore;
      this.notAfter = notAfter;
      return this;
    }

    public Builder serial(BigInteger serial) {
      this.serial = serial;
      return this;
    }

    /** basicConstraints; {@code ca == null} leaves the extension out. */
    public Builder ca(Boolean ca, Integer pathLen) {
      this.ca = ca;
      this.pathLen = pathLen;
      return this;
    }

    public Builder basicConstraintsCritical(boolean critical) {
      this.bcCritical = critical;
      return this;
    }

    /** keyUsage bits from {@link KeyUsage}; {@code bits == null} leaves the extension out. */
    public Builder keyUsage(boolean critical, Integer bits) {
      this.kuCritical = critical;
      this.keyUsage = bits;
      return this;
    }

    public Builder extendedKeyUsage(KeyPurposeId... purposes) {
      this.eku = purposes.length == 0 ? null : purposes;
      return this;
    }

    public Builder uriSan(String uri) {
      sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
      return this;
    }

    public Builder dnsSan(String dns) {
      sans.add(new GeneralName(GeneralName.dNSName, dns));
      return this;
    }

    /** Any subjectAltName entry (email, directory name, registered ID, other name, ...). */
    public Builder san(GeneralName name) {
      sans.add(name);
      return this;
    }

    public Builder ipSan(String ip) {
      sans.add(new GeneralName(GeneralName.iPAddress, ip));
      return this;
    }

    /**
     * Forces the SAN's critical flag; by default it is critical exactly when the subject is empty.
     */
    public Builder sanCritical(boolean critical) {
      this.sanCritical = critical;
      return this;
    }

    /** Leaves out subjectKeyIdentifier and authorityKeyIdentifier. */
    public Builder noKeyIdentifiers() {
      this.skiAki = false;
      return this;
    }

    public Builder signatureAlgorithm(String jcaName) {
      this.signatureAlgorithm = jcaName;
      return this;
    }

    /** Any other extension, added as given. */
    public Builder extension(ASN1ObjectIdentifier oid, boolean critical, byte[] value) {
      extra.add(new Extension(oid, critical, value));
      return this;
    }

    public Issued issue() {
      try {
        KeyPair kp = keyPair != null ? keyPair : TestPki.keyPair(keyKind);
        X500Name subjectName = new X500Name(subject);
        X500Name issuerName = issuer == null ? subjectName : issuer.holder().getSubject();
        KeyPair signer = issuer == null ? kp : issuer.keyPair();
        BigInteger sn = serial != null ? serial : BigInteger.valueOf(pki.serials.incrementAndGet());
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded());
        X509v3CertificateBuilder b =
            new X509v3CertificateBuilder(
                issuerName, sn, Date.from(notBefore), Date.from(notAfter), subjectName, spki);
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        if (ca != null) {
          BasicConstraints bc =
              ca && pathLen != null ? new BasicConstraints(pathLen) : new BasicConstraints(ca);
          b.addExtension(Extension.basicConstraints, bcCritical, bc);
        }
        if (keyUsage != null) {
          b.addExtension(Extension.keyUsage, kuCritical, new KeyUsage(keyUsage));
        }
        if (eku != null) {
          b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
        }
        if (!sans.isEmpty()) {
          boolean critical = sanCritical != null ? sanCritical : subject.isEmpty();
          b.addExtension(
              Extension.subjectAlternativeName,
              critical,
              new GeneralNames(sans.toArray(GeneralName[]::new)));
        }
        if (skiAki) {
          b.addExtension(
              Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(spki));
          SubjectPublicKeyInfo issuerSpki =
              SubjectPublicKeyInfo.getInstance(signer.getPublic().getEncoded());
          b.addExtension(
              Extension.authorityKeyIdentifier,
              false,
              utils.createAuthorityKeyIdentifier(issuerSpki));
        }
        for (Extension e : extra) {
          b.addExtension(e);
        }
        ContentSigner cs =
            new JcaContentSignerBuilder(
                    signatureAlgorithm != null ? signatureAlgorithm : defaultAlgorithm(signer))
                .build(signer.getPrivate());
        return new Issued(b.build(cs), kp);
      } catch (Exception e) {
        throw new IllegalStateException("test certificate could not be built", e);
      }
    }

    private static String defaultAlgorithm(KeyPair signer) {
      return switch (signer.getPrivate().getAlgorithm()) {
        case "RSA" -> "SHA256withRSA";
        case "Ed25519", "EdDSA" -> "Ed25519";
        default -> "SHA256withECDSA";
      };
    }
  }
}
