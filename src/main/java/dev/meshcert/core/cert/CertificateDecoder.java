package dev.meshcert.core.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.util.Properties;

/**
 * Decodes DER certificates into {@link CertificateFacts}. Tolerant where real data is sloppy
 * (negative serials, undecodable extensions keep their hex), strict where the structure is broken.
 * Thread-safe.
 */
public final class CertificateDecoder {

  /** Certificates larger than this are refused: real ones are a few kilobytes. */
  public static final int MAX_CERTIFICATE_BYTES = 1 << 20;

  private static final DefaultAlgorithmNameFinder ALGORITHM_NAMES =
      new DefaultAlgorithmNameFinder();

  /** Decodes one DER certificate; trailing bytes are an error. */
  public CertificateFacts decode(byte[] der) throws CertificateDecodeException {
    if (der.length == 0) {
      throw new CertificateDecodeException("no bytes");
    }
    if (der.length > MAX_CERTIFICATE_BYTES) {
      throw new CertificateDecodeException(
          "certificate of " + der.length + " bytes is larger than the 1 MiB limit");
    }
    ASN1Primitive p;
    try (ASN1InputStream in = new ASN1InputStream(der, true)) {
      p = in.readObject();
      if (p == null) {
        throw new CertificateDecodeException("no ASN.1 object");
      }
      if (!(p instanceof ASN1Sequence)) {
        throw new CertificateDecodeException(
            "not an X.509 certificate: it is " + typeName(p) + ", not a SEQUENCE");
      }
      if (in.available() > 0) {
        throw new CertificateDecodeException(
            "trailing data: " + in.available() + " bytes after the certificate");
      }
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw new CertificateDecodeException("not DER: " + reason(e), e);
    }
    Certificate cert;
    // RFC 5280 forbids an empty issuer, but OpenSSL, Go and pyca still parse such certificates:
    // show them, and leave the verdict to the lints.
    boolean wasSet = Properties.setThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT, true);
    try {
      cert = Certificate.getInstance(p);
    } catch (RuntimeException | StackOverflowError e) {
      throw new CertificateDecodeException("not an X.509 certificate: " + reason(e), e);
    } finally {
      if (!wasSet) {
        Properties.removeThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT);
      }
    }
    try {
      return facts(new X509CertificateHolder(cert), der);
    } catch (RuntimeException | StackOverflowError e) {
      throw new CertificateDecodeException("malformed certificate: " + reason(e), e);
    }
  }

  private static String typeName(ASN1Primitive p) {
    String n = p.getClass().getSimpleName().replaceFirst("^(DER|DL|BER|ASN1)", "");
    return "an ASN.1 " + n.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
  }

  private static String reason(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "ASN.1 nested too deeply";
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    if (m.startsWith("repeated extension found: ")) {
      return "extension " + m.substring(26) + " appears twice (RFC 5280 section 4.2 forbids it)";
    }
    return m;
  }

  private CertificateFacts facts(X509CertificateHolder h, byte[] der) {
    Extensions exts = h.getExtensions();
    List<ExtensionFacts> extensions = new ArrayList<>();
    List<GeneralNameFacts> sans = List.of();
    boolean ca = false;
    Optional<Integer> pathLen = Optional.empty();
    Optional<Set<KeyUsageBit>> keyUsage = Optional.empty();
    List<String> eku = List.of();
    Optional<String> ski = Optional.empty();
    Optional<String> aki = Optional.empty();
    if (exts != null) {
      for (ASN1ObjectIdentifier oid : exts.getExtensionOIDs()) {
        Extension e = exts.getExtension(oid);
        ExtensionFacts facts = ExtensionDecoder.decode(e);
        extensions.add(facts);
        if (facts.problem().isPresent()) {
          continue; // the extension carries its problem; the fields it would set stay absent
        }
        ASN1Primitive v = parse(e);
        if (oid.equals(Extension.subjectAlternativeName)) {
          sans = GeneralNames.facts(org.bouncycastle.asn1.x509.GeneralNames.getInstance(v));
        } else if (oid.equals(Extension.basicConstraints)) {
          BasicConstraints bc = BasicConstraints.getInstance(v);
          ca = bc.isCA();
          pathLen = Optional.ofNullable(bc.getPathLenConstraint()).map(CertificateDecoder::clamp);
        } else if (oid.equals(Extension.keyUsage)) {
          keyUsage = Optional.of(KeyUsages.bits(KeyUsage.getInstance(v)));
        } else if (oid.equals(Extension.extendedKeyUsage)) {
          List<String> names = new ArrayList<>();
          for (KeyPurposeId id : ExtendedKeyUsage.getInstance(v).getUsages()) {
            names.add(ExtensionDecoder.ekuName(id.toOID()));
          }
          eku = names;
        } else if (oid.equals(Extension.subjectKeyIdentifier)) {
          ski = Optional.of(Hex.lower(SubjectKeyIdentifier.getInstance(v).getKeyIdentifier()));
        } else if (oid.equals(Extension.authorityKeyIdentifier)) {
          aki = AuthorityKeyId.parse(v).keyId().map(Hex::lower);
        }
      }
    }
    AlgorithmIdentifier sig = h.getSignatureAlgorithm();
    return new CertificateFacts(
        h,
        Hex.lower(Hex.digest("SHA-256", der)),
        Hex.lower(Hex.digest("SHA-1", der)),
        h.getVersionNumber(),
        h.toASN1Structure().getSerialNumber().getValue(),
        Names.rfc4514(h.getSubject()),
        Names.rfc4514(h.getIssuer()),
        ValidityTimes.instant(h.toASN1Structure().getStartDate()),
        ValidityTimes.instant(h.toASN1Structure().getEndDate()),
        publicKey(h.getSubjectPublicKeyInfo()),
        signatureName(sig),
        sig.getAlgorithm().getId(),
        extensions,
        sans,
        ca,
        pathLen,
        keyUsage,
        eku,
        ski,
        aki);
  }

  private static ASN1Primitive parse(Extension e) {
    try {
      return ASN1Primitive.fromByteArray(e.getExtnValue().getOctets());
    } catch (IOException ex) {
      throw new IllegalStateException("an extension that decoded once no longer parses", ex);
    }
  }

  /** A pathLenConstraint beyond int range means "no practical limit". */
  private static int clamp(BigInteger n) {
    return n.bitLength() < 31 ? n.intValue() : Integer.MAX_VALUE;
  }

  private static String signatureName(AlgorithmIdentifier sig) {
    String name = ALGORITHM_NAMES.getAlgorithmName(sig);
    return name == null || name.isEmpty() ? sig.getAlgorithm().getId() : name;
  }

  /** Describes a SubjectPublicKeyInfo: algorithm, size, curve and SPKI pin. */
  public static PublicKeyFacts publicKey(SubjectPublicKeyInfo spki) {
    String pin;
    try {
      pin = Base64.getEncoder().encodeToString(Hex.digest("SHA-256", spki.getEncoded()));
    } catch (IOException e) {
      pin = "";
    }
    ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
    try {
      if (alg.equals(PKCSObjectIdentifiers.rsaEncryption)
          || alg.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
        int bits = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
        return new PublicKeyFacts("RSA", bits, Optional.empty(), pin);
      }
      if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        X962Parameters params = X962Parameters.getInstance(spki.getAlgorithm().getParameters());
        if (params.isNamedCurve()) {
          ASN1ObjectIdentifier curveOid = ASN1ObjectIdentifier.getInstance(params.getParameters());
          X9ECParameters curve = ECNamedCurveTable.getByOID(curveOid);
          String name = curveName(curveOid);
          int bits = curve == null ? 0 : curve.getCurve().getFieldSize();
          return new PublicKeyFacts("EC", bits, Optional.of(name), pin);
        }
        X9ECParameters explicit = X9ECParameters.getInstance(params.getParameters());
        return new PublicKeyFacts(
            "EC", explicit.getCurve().getFieldSize(), Optional.of("explicit parameters"), pin);
      }
      if (alg.equals(EdECObjectIdentifiers.id_Ed25519)) {
        return new PublicKeyFacts("Ed25519", 256, Optional.empty(), pin);
      }
      if (alg.equals(EdECObjectIdentifiers.id_Ed448)) {
        return new PublicKeyFacts("Ed448", 456, Optional.empty(), pin);
      }
      if (alg.equals(X9ObjectIdentifiers.id_dsa)) {
        ASN1Sequence p = ASN1Sequence.getInstance(spki.getAlgorithm().getParameters());
        int bits =
            p == null
                ? 0
                : org.bouncycastle.asn1.ASN1Integer.getInstance(p.getObjectAt(0))
                    .getValue()
                    .bitLength();
        return new PublicKeyFacts("DSA", bits, Optional.empty(), pin);
      }
    } catch (IOException | RuntimeException e) {
      return new PublicKeyFacts(alg.getId() + " (undecodable)", 0, Optional.empty(), pin);
    }
    return new PublicKeyFacts(alg.getId(), 0, Optional.empty(), pin);
  }

  private static String curveName(ASN1ObjectIdentifier oid) {
    String nist = org.bouncycastle.asn1.nist.NISTNamedCurves.getName(oid);
    if (nist != null) {
      return nist;
    }
    String any = ECNamedCurveTable.getName(oid);
    return any != null ? any : oid.getId();
  }
}
