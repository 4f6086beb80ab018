package dev.meshcert.core.read;

import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.Hex;
import dev.meshcert.core.cert.PublicKeyFacts;
import java.io.IOException;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Describes private keys without keeping them: the public key is derived, hashed and described, and
 * the private material is dropped. Callers clear the DER they pass in.
 */
final class PrivateKeys {

  private PrivateKeys() {}

  /**
   * Describes a key in one of the PEM key encodings.
   *
   * @param kind "PRIVATE KEY" (PKCS#8), "RSA PRIVATE KEY" (PKCS#1), "EC PRIVATE KEY" (SEC 1) or
   *     "DSA PRIVATE KEY" (OpenSSL)
   * @throws IOException when the bytes are not such a key
   */
  static KeyEntry describe(String location, String kind, byte[] der) throws IOException {
    ASN1Primitive p = Der.parse(der);
    try {
      SubjectPublicKeyInfo spki;
      switch (kind) {
        case "RSA PRIVATE KEY" ->
            spki =
                publicKey(
                    new PrivateKeyInfo(
                        new AlgorithmIdentifier(
                            PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        RSAPrivateKey.getInstance(p)));
        case "EC PRIVATE KEY" -> {
          ECPrivateKey ec = ECPrivateKey.getInstance(p);
          if (ec.getParametersObject() == null) {
            return withoutCurve(location, ec);
          }
          spki =
              publicKey(
                  new PrivateKeyInfo(
                      new AlgorithmIdentifier(
                          X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()),
                      ec));
        }
        case "DSA PRIVATE KEY" -> spki = dsa(ASN1Sequence.getInstance(p));
        default -> spki = publicKey(PrivateKeyInfo.getInstance(p));
      }
      return entry(location, spki);
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw new IOException(Der.message(e), e);
    }
  }

  /**
   * A SEC 1 key without its curve (Bouncy Castle and some JDK-based tools write them): the curve is
   * assumed from the key length (32 bytes P-256, 48 P-384, 65 or 66 P-521), and said to be assumed.
   * A wrong guess only means the key matches no certificate.
   */
  private static KeyEntry withoutCurve(String location, ECPrivateKey ec) throws IOException {
    ASN1Sequence seq = ASN1Sequence.getInstance(ec.toASN1Primitive());
    int length = ASN1OctetString.getInstance(seq.getObjectAt(1)).getOctets().length;
    ASN1ObjectIdentifier curve =
        switch (length) {
          case 32 -> SECObjectIdentifiers.secp256r1;
          case 48 -> SECObjectIdentifiers.secp384r1;
          case 65, 66 -> SECObjectIdentifiers.secp521r1;
          default -> null;
        };
    if (curve == null) {
      return new KeyEntry(
          location, "EC", "curve not given in the key", Optional.empty(), Optional.empty());
    }
    KeyEntry e =
        entry(
            location,
            publicKey(
                new PrivateKeyInfo(
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec)));
    return new KeyEntry(
        location,
        e.algorithm(),
        e.description() + " (curve not given in the key: assumed from its length)",
        e.publicKeySha256(),
        Optional.empty());
  }

  /** Describes a PKCS#8 key already parsed (from a PKCS#12 key bag). */
  static KeyEntry describe(String location, PrivateKeyInfo info) throws IOException {
    try {
      return entry(location, publicKey(info));
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw new IOException(Der.message(e), e);
    }
  }

  /** A key whose public half is known (from its certificate), such as a JKS key entry. */
  static KeyEntry fromPublicKey(String location, SubjectPublicKeyInfo spki, String note)
      throws IOException {
    KeyEntry e = entry(location, spki);
    return new KeyEntry(
        location,
        e.algorithm(),
        e.description() + " (" + note + ")",
        e.publicKeySha256(),
        Optional.empty());
  }

  /** An encrypted key: nothing can be said about it without its password. */
  static KeyEntry encrypted(String location, String algorithm) {
    return new KeyEntry(location, algorithm, "encrypted", Optional.empty(), Optional.empty());
  }

  /** Lowercase hex SHA-256 of the DER SubjectPublicKeyInfo: the key's identity for matching. */
  static String spkiSha256(SubjectPublicKeyInfo spki) throws IOException {
    return Hex.lower(Hex.digest("SHA-256", spki.getEncoded()));
  }

  private static KeyEntry entry(String location, SubjectPublicKeyInfo spki) throws IOException {
    PublicKeyFacts facts = CertificateDecoder.publicKey(spki);
    String description = facts.curve().orElse(facts.bits() > 0 ? facts.bits() + " bits" : "");
    return new KeyEntry(
        location, facts.algorithm(), description, Optional.of(spkiSha256(spki)), Optional.empty());
  }

  private static SubjectPublicKeyInfo dsa(ASN1Sequence s) throws IOException {
    if (s.size() != 6) {
      throw new IOException("not an OpenSSL DSA key");
    }
    DSAParameter params =
        new DSAParameter(
            ASN1Integer.getInstance(s.getObjectAt(1)).getValue(),
            ASN1Integer.getInstance(s.getObjectAt(2)).getValue(),
            ASN1Integer.getInstance(s.getObjectAt(3)).getValue());
    return new SubjectPublicKeyInfo(
        new AlgorithmIdentifier(X9ObjectIdentifiers.id_dsa, params), s.getObjectAt(4));
  }

  private static SubjectPublicKeyInfo publicKey(PrivateKeyInfo info) throws IOException {
    AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
    AsymmetricKeyParameter pub;
    if (key instanceof RSAPrivateCrtKeyParameters rsa) {
      pub = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
    } else if (key instanceof ECPrivateKeyParameters ec) {
      pub =
          new ECPublicKeyParameters(
              new FixedPointCombMultiplier()
                  .multiply(ec.getParameters().getG(), ec.getD())
                  .normalize(),
              ec.getParameters());
    } else if (key instanceof DSAPrivateKeyParameters dsa) {
      var p = dsa.getParameters();
      pub = new DSAPublicKeyParameters(p.getG().modPow(dsa.getX(), p.getP()), p);
    } else if (key instanceof Ed25519PrivateKeyParameters ed) {
      pub = ed.generatePublicKey();
    } else if (key instanceof Ed448PrivateKeyParameters ed) {
      pub = ed.generatePublicKey();
    } else if (key instanceof X25519PrivateKeyParameters x) {
      pub = x.generatePublicKey();
    } else if (key instanceof X448PrivateKeyParameters x) {
      pub = x.generatePublicKey();
    } else {
      throw new IOException("unsupported key type " + info.getPrivateKeyAlgorithm().getAlgorithm());
    }
    return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub);
  }
}
