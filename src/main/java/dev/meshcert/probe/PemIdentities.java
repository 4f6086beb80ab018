package dev.meshcert.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads identities and roots from PEM: certificates (a chain, leaf first), private keys in PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) and SEC 1 ({@code EC PRIVATE KEY}). Keys
 * are read into memory only and never written anywhere; encrypted keys are refused with a message.
 */
public final class PemIdentities {

  /** Files larger than this are not identities: refuse them rather than read them. */
  static final int MAX_PEM_BYTES = 1024 * 1024;

  private PemIdentities() {}

  /** An identity from a certificate chain file (leaf first) and a key file. */
  public static ClientIdentity fromFiles(Path certChain, Path key) throws IdentityException {
    return identity(read(certChain), certChain.toString(), read(key), key.toString());
  }

  /** The private key in a PEM file, read into memory only. */
  public static PrivateKey privateKeyFromFile(Path file) throws IdentityException {
    return privateKey(read(file), file.toString());
  }

  /** The certificates of a PEM file (a root bundle, say). */
  public static List<X509Certificate> certificatesFromFile(Path file) throws IdentityException {
    return certificates(read(file), file.getFileName().toString());
  }

  /**
   * An identity from PEM bytes.
   *
   * @param chainPem the certificate chain, leaf first
   * @param chainName names the chain in messages
   * @param keyPem the private key of the leaf
   * @param keyName names the key in messages
   * @throws IdentityException when either does not parse or the key does not belong to the leaf
   */
  public static ClientIdentity identity(
      byte[] chainPem, String chainName, byte[] keyPem, String keyName) throws IdentityException {
    List<X509Certificate> chain = certificates(chainPem, chainName);
    PrivateKey key = privateKey(keyPem, keyName, Optional.of(chain.get(0).getPublicKey()));
    if (!belongsTo(key, chain.get(0).getPublicKey())) {
      throw new IdentityException(
          keyName + ": the key does not belong to the first certificate of " + chainName);
    }
    return new ClientIdentity(key, chain);
  }

  /** Every certificate in PEM bytes, in order; at least one. */
  public static List<X509Certificate> certificates(byte[] pem, String name)
      throws IdentityException {
    List<X509Certificate> out = new ArrayList<>();
    try (PEMParser parser = parser(pem)) {
      Object o;
      while ((o = parser.readObject()) != null) {
        if (o instanceof X509CertificateHolder h) {
          out.add(new JcaX509CertificateConverter().getCertificate(h));
        }
      }
    } catch (IOException | CertificateException e) {
      throw new IdentityException(name + ": not readable PEM: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IdentityException(name + ": no PEM certificate (BEGIN CERTIFICATE) found");
    }
    return List.copyOf(out);
  }

  /** The first private key in PEM bytes. */
  public static PrivateKey privateKey(byte[] pem, String name) throws IdentityException {
    return privateKey(pem, name, Optional.empty());
  }

  /**
   * The first private key in PEM bytes; {@code publicKey} supplies the curve of a SEC 1 key written
   * without one (as Bouncy Castle's PEM writer does).
   */
  static PrivateKey privateKey(byte[] pem, String name, Optional<PublicKey> publicKey)
      throws IdentityException {
    try (PEMParser parser = parser(pem)) {
      Object o;
      while ((o = parser.readObject()) != null) {
        Optional<PrivateKey> key = key(o, name, publicKey);
        if (key.isPresent()) {
          return key.get();
        }
      }
    } catch (IOException e) {
      throw new IdentityException(name + ": not readable PEM: " + e.getMessage(), e);
    }
    throw new IdentityException(name + ": no PEM private key found");
  }

  private static Optional<PrivateKey> key(Object o, String name, Optional<PublicKey> publicKey)
      throws IdentityException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      if (o instanceof PEMKeyPair pair) {
        PrivateKeyInfo info = pair.getPrivateKeyInfo();
        if (info.getPrivateKeyAlgorithm().getParameters() == null
            && publicKey.orElse(null) instanceof ECPublicKey ec) {
          return Optional.of(ecKeyOnCurve(info, ec));
        }
        return Optional.of(converter.getPrivateKey(info));
      }
      if (o instanceof PrivateKeyInfo info) {
        return Optional.of(converter.getPrivateKey(info));
      }
    } catch (IOException e) {
      throw new IdentityException(name + ": unsupported private key: " + e.getMessage(), e);
    }
    if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
      throw new IdentityException(
          name + ": the key is encrypted; decrypt it first (openssl pkey -in KEY -out PLAIN)");
    }
    return Optional.empty();
  }

  private static PrivateKey ecKeyOnCurve(PrivateKeyInfo info, ECPublicKey curve)
      throws IOException {
    BigInteger d =
        org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
    try {
      return KeyFactory.getInstance("EC")
          .generatePrivate(new ECPrivateKeySpec(d, curve.getParams()));
    } catch (GeneralSecurityException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Whether {@code key} signs what {@code publicKey} verifies. */
  static boolean belongsTo(PrivateKey key, PublicKey publicKey) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC", "ECDSA" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          case "Ed448" -> "Ed448";
          default -> "";
        };
    if (algorithm.isEmpty()) {
      return false;
    }
    try {
      byte[] data = new byte[32];
      new SecureRandom().nextBytes(data);
      Signature s = Signature.getInstance(algorithm);
      s.initSign(key);
      s.update(data);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(algorithm);
      v.initVerify(publicKey);
      v.update(data);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PEMParser parser(byte[] pem) {
    Reader r = new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.US_ASCII);
    return new PEMParser(r);
  }

  private static byte[] read(Path file) throws IdentityException {
    try {
      if (Files.size(file) > MAX_PEM_BYTES) {
        throw new IdentityException(file + ": larger than 1 MiB, not a PEM identity");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IdentityException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }
}
