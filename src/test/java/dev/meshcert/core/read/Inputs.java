package dev.meshcert.core.read;

import dev.meshcert.testpki.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.util.CollectionStore;

/** Inputs in the formats the readers take, built from {@link TestPki} certificates. */
final class Inputs {
  private Inputs() {}

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** DER certificates back to back, no separator. */
  static byte[] concatenatedDer(TestPki.Issued... certs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (TestPki.Issued c : certs) {
      out.writeBytes(c.der());
    }
    return out.toByteArray();
  }

  /** A certs-only PKCS#7 SignedData (what {@code openssl crl2pkcs7 -nocrl} makes), DER. */
  static byte[] pkcs7(TestPki.Issued... certs) {
    try {
      List<X509CertificateHolder> holders = new ArrayList<>();
      for (TestPki.Issued c : certs) {
        holders.add(c.holder());
      }
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
      gen.addCertificates(new CollectionStore<>(holders));
      return gen.generate(new CMSAbsentContent()).getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** PEM armour around DER with the given label, lines of 64. */
  static String pem(String label, byte[] der) {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
  }

  /** OpenSSL's TRUSTED CERTIFICATE: the certificate followed by trust settings. */
  static String trustedPem(TestPki.Issued cert) {
    try {
      ASN1EncodableVector aux = new ASN1EncodableVector();
      aux.add(new DERUTF8String("trust settings stand-in"));
      byte[] trust = new DERSequence(aux).getEncoded();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(cert.der());
      out.writeBytes(trust);
      return pem("TRUSTED CERTIFICATE", out.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unencrypted PKCS#8 {@code PRIVATE KEY} block. */
  static String pkcs8Pem(PrivateKey key) {
    try {
      return TestPki.pem(new JcaPKCS8Generator(key, null).generate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An {@code ENCRYPTED PRIVATE KEY} block (PBES2, AES-256-CBC). */
  static String encryptedPkcs8Pem(PrivateKey key, char[] password) {
    try {
      OutputEncryptor enc =
          new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
              .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
              .setPassword(password)
              .build();
      return TestPki.pem(new JcaPKCS8Generator(key, enc).generate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** An OpenSSL-style SEC 1 {@code EC PRIVATE KEY} block, with the curve and the public key. */
  static String sec1Pem(java.security.KeyPair kp) {
    try {
      org.bouncycastle.asn1.pkcs.PrivateKeyInfo info =
          org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(kp.getPrivate().getEncoded());
      java.security.interfaces.ECPrivateKey priv =
          (java.security.interfaces.ECPrivateKey) kp.getPrivate();
      org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki =
          org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded());
      org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
          new org.bouncycastle.asn1.sec.ECPrivateKey(
              priv.getParams().getOrder().bitLength(),
              priv.getS(),
              spki.getPublicKeyData(),
              info.getPrivateKeyAlgorithm().getParameters());
      return pem("EC PRIVATE KEY", sec1.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JDK keystore of the given type ("JKS", "JCEKS", "PKCS12") saved with {@code password}. */
  static byte[] keystore(
      String type, char[] password, TestPki.Issued keyEntry, TestPki.Issued... trusted) {
    try {
      KeyStore ks = KeyStore.getInstance(type);
      ks.load(null, null);
      if (keyEntry != null) {
        ks.setKeyEntry(
            "server",
            keyEntry.keyPair().getPrivate(),
            password,
            new Certificate[] {x509(keyEntry)});
      }
      int i = 0;
      for (TestPki.Issued t : trusted) {
        ks.setCertificateEntry("ca-" + (++i), x509(t));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static java.security.cert.X509Certificate x509(TestPki.Issued c) {
    try {
      return (java.security.cert.X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new java.io.ByteArrayInputStream(c.der()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Base64 of bytes in one line (as in Kubernetes Secret data). */
  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  static String b64(String s) {
    return b64(utf8(s));
  }
}
