package dev.meshcert.kube.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the demo mesh's certificates (ECDSA P-256) in memory. Keys stay in memory and are never
 * written anywhere; only certificate PEM leaves this class.
 */
final class DemoPki {

  /** An issued certificate and its key (the key only signs further demo certificates). */
  record Issued(X509CertificateHolder holder, KeyPair keys) {
    String pem() {
      StringWriter w = new StringWriter();
      try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
        pw.writeObject(holder);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return w.toString();
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final AtomicLong serials = new AtomicLong(System.nanoTime() & 0xffffffL);

  Issued ca(String subject, Issued issuer, Instant from, Instant to, int pathLen) {
    KeyPair keys = keyPair();
    return issue(
        new X500Name(subject),
        keys,
        issuer,
        from,
        to,
        List.of(),
        true,
        pathLen,
        KeyUsage.keyCertSign | KeyUsage.cRLSign);
  }

  /** A workload leaf: empty subject unless given, the SAN critical when the subject is empty. */
  Issued leaf(String subject, List<GeneralName> sans, Issued issuer, Instant from, Instant to) {
    return issue(
        new X500Name(subject),
        keyPair(),
        issuer,
        from,
        to,
        sans,
        false,
        -1,
        KeyUsage.digitalSignature | KeyUsage.keyEncipherment);
  }

  private Issued issue(
      X500Name subject,
      KeyPair keys,
      Issued issuer,
      Instant from,
      Instant to,
      List<GeneralName> sans,
      boolean ca,
      int pathLen,
      int keyUsage) {
    try {
      X500Name issuerName = issuer == null ? subject : issuer.holder().getSubject();
      KeyPair signer = issuer == null ? keys : issuer.keys();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuerName,
              BigInteger.valueOf(serials.incrementAndGet())
                  .shiftLeft(32)
                  .or(BigInteger.valueOf(random.nextInt() & 0x7fffffff)),
              Date.from(from),
              Date.from(to),
              subject,
              keys.getPublic());
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      b.addExtension(
          Extension.basicConstraints,
          true,
          ca
              ? (pathLen >= 0 ? new BasicConstraints(pathLen) : new BasicConstraints(true))
              : new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
      b.addExtension(
          Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      b.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          ext.createAuthorityKeyIdentifier(signer.getPublic()));
      if (!ca) {
        b.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      }
      if (!sans.isEmpty()) {
        b.addExtension(
            Extension.subjectAlternativeName,
            subject.getRDNs().length == 0,
            new GeneralNames(sans.toArray(GeneralName[]::new)));
      }
      X509CertificateHolder holder =
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
      return new Issued(holder, keys);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("demo certificate could not be issued", e);
    }
  }

  private KeyPair keyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), random);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
