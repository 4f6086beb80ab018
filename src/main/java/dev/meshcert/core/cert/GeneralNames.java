package dev.meshcert.core.cert;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Turns Bouncy Castle GeneralNames into {@link GeneralNameFacts} and into the text OpenSSL prints.
 */
final class GeneralNames {
  private GeneralNames() {}

  static List<GeneralNameFacts> facts(org.bouncycastle.asn1.x509.GeneralNames names) {
    List<GeneralNameFacts> out = new ArrayList<>();
    for (GeneralName n : names.getNames()) {
      out.add(fact(n));
    }
    return out;
  }

  static GeneralNameFacts fact(GeneralName n) {
    ASN1Encodable v = n.getName();
    return switch (n.getTagNo()) {
      case GeneralName.dNSName -> new GeneralNameFacts(GeneralNameFacts.Type.DNS, ia5(v));
      case GeneralName.uniformResourceIdentifier ->
          new GeneralNameFacts(GeneralNameFacts.Type.URI, ia5(v));
      case GeneralName.rfc822Name -> new GeneralNameFacts(GeneralNameFacts.Type.EMAIL, ia5(v));
      case GeneralName.iPAddress ->
          new GeneralNameFacts(GeneralNameFacts.Type.IP, IpText.canonical(octets(v)));
      case GeneralName.directoryName ->
          new GeneralNameFacts(
              GeneralNameFacts.Type.DIRECTORY_NAME, Names.rfc4514(X500Name.getInstance(v)));
      case GeneralName.registeredID ->
          new GeneralNameFacts(
              GeneralNameFacts.Type.REGISTERED_ID, ASN1ObjectIdentifier.getInstance(v).getId());
      case GeneralName.otherName ->
          new GeneralNameFacts(GeneralNameFacts.Type.OTHER_NAME, otherNameFact(v));
      case GeneralName.x400Address ->
          new GeneralNameFacts(GeneralNameFacts.Type.X400, Hex.lower(der(v)));
      default -> new GeneralNameFacts(GeneralNameFacts.Type.EDI_PARTY, Hex.lower(der(v)));
    };
  }

  /**
   * The form OpenSSL uses in subjectAltName, issuerAltName and AIA lists ({@code i2v}): "DNS:x",
   * "IP Address:2001:DB8:0:0:0:0:0:1", "DirName:/C=US/CN=x", "othername: UPN::u@example.com".
   */
  static String listText(GeneralName n) {
    ASN1Encodable v = n.getName();
    return switch (n.getTagNo()) {
      case GeneralName.iPAddress -> "IP Address:" + IpText.openssl(octets(v));
      case GeneralName.directoryName -> "DirName:" + Names.slashed(X500Name.getInstance(v));
      case GeneralName.otherName -> "othername: " + otherNameText(v);
      default -> printText(n);
    };
  }

  /**
   * The form OpenSSL uses in name constraints and CRL distribution points ({@code
   * GENERAL_NAME_print}): directory names in one-line form.
   */
  static String printText(GeneralName n) {
    ASN1Encodable v = n.getName();
    return switch (n.getTagNo()) {
      case GeneralName.dNSName -> "DNS:" + ia5(v);
      case GeneralName.uniformResourceIdentifier -> "URI:" + ia5(v);
      case GeneralName.rfc822Name -> "email:" + ia5(v);
      case GeneralName.iPAddress -> "IP Address:" + IpText.openssl(octets(v));
      case GeneralName.directoryName -> "DirName:" + Names.openssl(X500Name.getInstance(v));
      case GeneralName.registeredID ->
          "Registered ID:" + ASN1ObjectIdentifier.getInstance(v).getId();
      case GeneralName.otherName -> "othername:" + otherNameText(v);
      case GeneralName.x400Address -> "X400Name:<unsupported>";
      default -> "EdiPartyName:<unsupported>";
    };
  }

  /** A name-constraints subtree base: as {@link #printText} but IP ranges as "IP:addr/mask". */
  static String subtreeText(GeneralName n) {
    if (n.getTagNo() == GeneralName.iPAddress) {
      return "IP:" + IpText.opensslRange(octets(n.getName()));
    }
    return printText(n);
  }

  private static String ia5(ASN1Encodable v) {
    return Names.text(v);
  }

  private static byte[] octets(ASN1Encodable v) {
    return ASN1OctetString.getInstance(v).getOctets();
  }

  private static String otherNameFact(ASN1Encodable v) {
    ASN1Sequence seq = ASN1Sequence.getInstance(v);
    String oid = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId();
    ASN1Encodable value = explicitValue(seq);
    return oid + ";" + Names.string(value).orElseGet(() -> Hex.lower(der(value)));
  }

  private static String otherNameText(ASN1Encodable v) {
    ASN1Sequence seq = ASN1Sequence.getInstance(v);
    String oid = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId();
    ASN1Encodable value = explicitValue(seq);
    return OpenSsl.otherName(oid) + "::" + Names.string(value).orElse("<unsupported>");
  }

  private static ASN1Encodable explicitValue(ASN1Sequence otherName) {
    ASN1Encodable value = otherName.getObjectAt(1);
    return value instanceof ASN1TaggedObject t ? t.getExplicitBaseObject() : value;
  }

  private static byte[] der(ASN1Encodable v) {
    try {
      return v.toASN1Primitive().getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("re-encoding a decoded name failed", e);
    }
  }
}
