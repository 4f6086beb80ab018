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
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * Decodes extension values into the lines {@code openssl x509 -text} prints for them. An extension
 * whose value does not parse keeps its hex and a problem rather than failing the certificate.
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
          Map.entry(Extension.freshestCRL.getId(), "X509v3 Freshest CRL"),
          Map.entry(Extension.authorityInfoAccess.getId(), "Authority Information Access"),
          Map.entry(Extension.subjectInfoAccess.getId(), "Subject Information Access"),
          Map.entry(Extension.certificatePolicies.getId(), "X509v3 Certificate Policies"),
          Map.entry(Extension.policyConstraints.getId(), "X509v3 Policy Constraints"),
          Map.entry(Extension.inhibitAnyPolicy.getId(), "X509v3 Inhibit Any Policy"),
          Map.entry("1.3.6.1.4.1.11129.2.4.2", "CT Precertificate SCTs"),
          Map.entry("1.3.6.1.4.1.11129.2.4.3", "CT Precertificate Poison"));

  /** Extensions with a readable name whose value this app shows as hex only. */
  private static final Map<String, String> NAMED_ONLY =
      Map.of(
          Extension.subjectDirectoryAttributes.getId(),
          "X509v3 Subject Directory Attributes",
          Extension.privateKeyUsagePeriod.getId(),
          "X509v3 Private Key Usage Period",
          Extension.policyMappings.getId(),
          "X509v3 Policy Mappings",
          "1.3.6.1.5.5.7.1.24",
          "TLS Feature",
          "2.16.840.1.113730.1.1",
          "Netscape Cert Type",
          "2.16.840.1.113730.1.13",
          "Netscape Comment");

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
    boolean known = NAMES.containsKey(oid);
    String name = known ? NAMES.get(oid) : NAMED_ONLY.getOrDefault(oid, oid);
    if (!known) {
      return new ExtensionFacts(
          oid, name, ext.isCritical(), Hex.lower(value), hexLines(value), false);
    }
    try {
      List<String> lines = lines(oid, ASN1Primitive.fromByteArray(value));
      return new ExtensionFacts(oid, name, ext.isCritical(), Hex.lower(value), lines, true);
    } catch (Exception | StackOverflowError e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      List<String> lines = new ArrayList<>();
      lines.add("(value does not decode: " + why + ")");
      lines.addAll(hexLines(value));
      return new ExtensionFacts(
          oid,
          name,
          ext.isCritical(),
          Hex.lower(value),
          lines,
          true,
          java.util.Optional.of(name + " does not decode: " + why));
    }
  }

  private static List<String> lines(String oid, ASN1Primitive v) {
    if (oid.equals(Extension.subjectAlternativeName.getId())
        || oid.equals(Extension.issuerAlternativeName.getId())) {
      List<String> names = new ArrayList<>();
      for (GeneralName n : org.bouncycastle.asn1.x509.GeneralNames.getInstance(v).getNames()) {
        names.add(GeneralNames.listText(n));
      }
      return List.of(String.join(", ", names));
    }
    if (oid.equals(Extension.keyUsage.getId())) {
      return List.of(
          String.join(
              ", ",
              KeyUsages.bits(KeyUsage.getInstance(v)).stream().map(KeyUsageBit::label).toList()));
    }
    if (oid.equals(Extension.extendedKeyUsage.getId())) {
      List<String> out = new ArrayList<>();
      for (KeyPurposeId id : ExtendedKeyUsage.getInstance(v).getUsages()) {
        out.add(OpenSsl.purpose(id.getId()));
      }
      return List.of(String.join(", ", out));
    }
    if (oid.equals(Extension.basicConstraints.getId())) {
      BasicConstraints bc = BasicConstraints.getInstance(v);
      String s = "CA:" + (bc.isCA() ? "TRUE" : "FALSE");
      return List.of(
          bc.getPathLenConstraint() == null ? s : s + ", pathlen:" + bc.getPathLenConstraint());
    }
    if (oid.equals(Extension.subjectKeyIdentifier.getId())) {
      return List.of(Hex.colons(SubjectKeyIdentifier.getInstance(v).getKeyIdentifier()));
    }
    if (oid.equals(Extension.policyConstraints.getId())) {
      return List.of(policyConstraints(ASN1Sequence.getInstance(v)));
    }
    if (oid.equals(Extension.inhibitAnyPolicy.getId())) {
      return List.of(ASN1Integer.getInstance(v).getValue().toString());
    }
    if (oid.equals("1.3.6.1.4.1.11129.2.4.2")) {
      return SctText.lines(org.bouncycastle.asn1.ASN1OctetString.getInstance(v).getOctets());
    }
    if (oid.equals("1.3.6.1.4.1.11129.2.4.3")) {
      return List.of("NULL");
    }
    return ExtensionLines.lines(oid, v);
  }

  private static String policyConstraints(ASN1Sequence seq) {
    List<String> out = new ArrayList<>();
    for (ASN1Encodable e : seq) {
      ASN1TaggedObject t = ASN1TaggedObject.getInstance(e);
      String label = t.getTagNo() == 0 ? "Require Explicit Policy" : "Inhibit Policy Mapping";
      out.add(label + ":" + ASN1Integer.getInstance(t, false).getValue());
    }
    return String.join(", ", out);
  }

  /** Lowercase colon hex, 16 bytes a line. */
  static List<String> hexLines(byte[] value) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.length; i += 16) {
      byte[] part = java.util.Arrays.copyOfRange(value, i, Math.min(value.length, i + 16));
      out.add(Hex.colonize(Hex.lower(part)));
    }
    return out.isEmpty() ? List.of("(empty)") : out;
  }

  static String ekuName(ASN1ObjectIdentifier oid) {
    return EKU_NAMES.getOrDefault(oid.getId(), oid.getId());
  }
}
