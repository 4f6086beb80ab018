package dev.meshcert.core.cert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * Decodes extension values into readable lines. An extension whose value does not parse keeps its
 * hex and is reported as undecodable rather than failing the whole certificate.
 */
final class ExtensionDecoder {

  static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry(Extension.subjectAlternativeName.getId(), "X509v3 Subject Alternative Name"),
          Map.entry(Extension.issuerAlternativeName.getId(), "X509v3 Issuer Alternative Name"),
          Map.entry(Extension.keyUsage.getId(), "X509v3 Key Usage"),
          Map.entry(Extension.extendedKeyUsage.getId(), "X509v3 Extended Key Usage"),
          Map.entry(Extension.basicConstraints.getId(), "X509v3 Basic Constraints"),
          Map.entry(Extension.subjectKeyIdentifier.getId(), "X509v3 Subject Key Identifier"),
          Map.entry(Extension.authorityKeyIdentifier.getId(), "X509v3 Authority Key Identifier"),
          Map.entry(Extension.nameConstraints.getId(), "X509v3 Name Constraints"),
          Map.entry(Extension.cRLDistributionPoints.getId(), "X509v3 CRL Distribution Points"),
          Map.entry(Extension.authorityInfoAccess.getId(), "Authority Information Access"),
          Map.entry(Extension.certificatePolicies.getId(), "X509v3 Certificate Policies"),
          Map.entry(Extension.policyConstraints.getId(), "X509v3 Policy Constraints"),
          Map.entry(Extension.inhibitAnyPolicy.getId(), "X509v3 Inhibit Any Policy"),
          Map.entry("1.3.6.1.4.1.11129.2.4.2", "CT Precertificate SCTs"),
          Map.entry("1.3.6.1.4.1.11129.2.4.3", "CT Precertificate Poison"));

  static final Map<String, String> EKU_NAMES =
      Map.of(
          KeyPurposeId.id_kp_serverAuth.getId(), "serverAuth",
          KeyPurposeId.id_kp_clientAuth.getId(), "clientAuth",
          KeyPurposeId.id_kp_codeSigning.getId(), "codeSigning",
          KeyPurposeId.id_kp_emailProtection.getId(), "emailProtection",
          KeyPurposeId.id_kp_timeStamping.getId(), "timeStamping",
          KeyPurposeId.id_kp_OCSPSigning.getId(), "OCSPSigning",
          KeyPurposeId.anyExtendedKeyUsage.getId(), "anyExtendedKeyUsage");

  private ExtensionDecoder() {}

  static ExtensionFacts decode(Extension ext) {
    String oid = ext.getExtnId().getId();
    byte[] value = ext.getExtnValue().getOctets();
    String name = NAMES.getOrDefault(oid, oid);
    boolean known = NAMES.containsKey(oid);
    List<String> lines;
    try {
      lines =
          known
              ? lines(oid, ASN1Primitive.fromByteArray(value))
              : List.of(Hex.colonize(Hex.lower(value)));
    } catch (Exception | StackOverflowError e) {
      lines = List.of("(value does not decode) " + Hex.colonize(Hex.lower(value)));
    }
    return new ExtensionFacts(oid, name, ext.isCritical(), Hex.lower(value), lines, known);
  }

  private static List<String> lines(String oid, ASN1Primitive v) {
    if (oid.equals(Extension.subjectAlternativeName.getId())
        || oid.equals(Extension.issuerAlternativeName.getId())) {
      return GeneralNames.facts(org.bouncycastle.asn1.x509.GeneralNames.getInstance(v)).stream()
          .map(GeneralNameFacts::toString)
          .toList();
    }
    if (oid.equals(Extension.keyUsage.getId())) {
      return List.of(
          String.join(
              ", ",
              KeyUsages.bits(org.bouncycastle.asn1.x509.KeyUsage.getInstance(v)).stream()
                  .map(KeyUsageBit::label)
                  .toList()));
    }
    if (oid.equals(Extension.extendedKeyUsage.getId())) {
      List<String> out = new ArrayList<>();
      for (KeyPurposeId id : ExtendedKeyUsage.getInstance(v).getUsages()) {
        out.add(ekuName(id.toOID()));
      }
      return List.of(String.join(", ", out));
    }
    if (oid.equals(Extension.basicConstraints.getId())) {
      BasicConstraints bc = BasicConstraints.getInstance(v);
      String s = "CA:" + (bc.isCA() ? "TRUE" : "FALSE");
      if (bc.getPathLenConstraint() != null) {
        s += ", pathlen:" + bc.getPathLenConstraint();
      }
      return List.of(s);
    }
    if (oid.equals(Extension.subjectKeyIdentifier.getId())) {
      return List.of(Hex.colons(SubjectKeyIdentifier.getInstance(v).getKeyIdentifier()));
    }
    if (oid.equals(Extension.authorityKeyIdentifier.getId())) {
      return authorityKeyId(AuthorityKeyIdentifier.getInstance(v));
    }
    if (oid.equals(Extension.nameConstraints.getId())) {
      return nameConstraints(NameConstraints.getInstance(v));
    }
    if (oid.equals(Extension.cRLDistributionPoints.getId())) {
      return crlDistributionPoints(CRLDistPoint.getInstance(v));
    }
    if (oid.equals(Extension.authorityInfoAccess.getId())) {
      List<String> out = new ArrayList<>();
      for (AccessDescription d :
          AuthorityInformationAccess.getInstance(v).getAccessDescriptions()) {
        String method =
            d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                ? "OCSP"
                : d.getAccessMethod().equals(AccessDescription.id_ad_caIssuers)
                    ? "CA Issuers"
                    : d.getAccessMethod().getId();
        out.add(method + " - " + GeneralNames.fact(d.getAccessLocation()));
      }
      return out;
    }
    if (oid.equals(Extension.certificatePolicies.getId())) {
      List<String> out = new ArrayList<>();
      for (PolicyInformation p : CertificatePolicies.getInstance(v).getPolicyInformation()) {
        out.add("Policy: " + policyName(p.getPolicyIdentifier()));
      }
      return out;
    }
    if (oid.equals(Extension.policyConstraints.getId())) {
      List<String> out = new ArrayList<>();
      for (ASN1Encodable e : ASN1Sequence.getInstance(v)) {
        ASN1TaggedObject t = ASN1TaggedObject.getInstance(e);
        String label = t.getTagNo() == 0 ? "Require Explicit Policy" : "Inhibit Policy Mapping";
        out.add(label + ":" + ASN1Integer.getInstance(t, false).getValue());
      }
      return out;
    }
    if (oid.equals(Extension.inhibitAnyPolicy.getId())) {
      return List.of(ASN1Integer.getInstance(v).getValue().toString());
    }
    return List.of(Hex.colonize(Hex.lower(encoded(v))));
  }

  static String ekuName(ASN1ObjectIdentifier oid) {
    return EKU_NAMES.getOrDefault(oid.getId(), oid.getId());
  }

  private static String policyName(ASN1ObjectIdentifier oid) {
    return switch (oid.getId()) {
      case "2.5.29.32.0" -> "X509v3 Any Policy";
      case "2.23.140.1.2.1" -> "2.23.140.1.2.1 (domain validated)";
      default -> oid.getId();
    };
  }

  private static List<String> authorityKeyId(AuthorityKeyIdentifier aki) {
    List<String> out = new ArrayList<>();
    if (aki.getKeyIdentifierOctets() != null) {
      out.add(Hex.colons(aki.getKeyIdentifierOctets()));
    }
    if (aki.getAuthorityCertIssuer() != null) {
      for (GeneralNameFacts n : GeneralNames.facts(aki.getAuthorityCertIssuer())) {
        out.add(n.toString());
      }
    }
    if (aki.getAuthorityCertSerialNumber() != null) {
      out.add("serial:" + aki.getAuthorityCertSerialNumber().toString(16));
    }
    return out;
  }

  private static List<String> nameConstraints(NameConstraints nc) {
    List<String> out = new ArrayList<>();
    if (nc.getPermittedSubtrees() != null) {
      out.add("Permitted:");
      for (GeneralSubtree t : nc.getPermittedSubtrees()) {
        out.add("  " + GeneralNames.fact(t.getBase()));
      }
    }
    if (nc.getExcludedSubtrees() != null) {
      out.add("Excluded:");
      for (GeneralSubtree t : nc.getExcludedSubtrees()) {
        out.add("  " + GeneralNames.fact(t.getBase()));
      }
    }
    return out;
  }

  private static List<String> crlDistributionPoints(CRLDistPoint dp) {
    List<String> out = new ArrayList<>();
    for (DistributionPoint p : dp.getDistributionPoints()) {
      DistributionPointName name = p.getDistributionPoint();
      if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
        out.add("Full Name:");
        for (GeneralNameFacts n :
            GeneralNames.facts(
                org.bouncycastle.asn1.x509.GeneralNames.getInstance(name.getName()))) {
          out.add("  " + n);
        }
      } else if (name != null) {
        out.add("Relative Name: " + name.getName());
      }
    }
    return out;
  }

  private static byte[] encoded(ASN1Primitive v) {
    try {
      return v.getEncoded();
    } catch (java.io.IOException e) {
      return new byte[0];
    }
  }
}
