package dev.meshcert.core.cert;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

/** Turns Bouncy Castle GeneralNames into {@link GeneralNameFacts}. */
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
      case GeneralName.iPAddress -> new GeneralNameFacts(GeneralNameFacts.Type.IP, ip(v));
      case GeneralName.directoryName ->
          new GeneralNameFacts(
              GeneralNameFacts.Type.DIRECTORY_NAME, Names.rfc4514(X500Name.getInstance(v)));
      case GeneralName.registeredID ->
          new GeneralNameFacts(
              GeneralNameFacts.Type.REGISTERED_ID, ASN1ObjectIdentifier.getInstance(v).getId());
      case GeneralName.otherName ->
          new GeneralNameFacts(GeneralNameFacts.Type.OTHER_NAME, other(v));
      case GeneralName.x400Address -> new GeneralNameFacts(GeneralNameFacts.Type.X400, hex(v));
      default -> new GeneralNameFacts(GeneralNameFacts.Type.EDI_PARTY, hex(v));
    };
  }

  private static String ia5(ASN1Encodable v) {
    return v instanceof ASN1IA5String s ? s.getString() : String.valueOf(v);
  }

  private static String ip(ASN1Encodable v) {
    byte[] b = ASN1OctetString.getInstance(v).getOctets();
    if (b.length == 4 || b.length == 16) {
      try {
        return InetAddress.getByAddress(b).getHostAddress();
      } catch (UnknownHostException e) {
        return Hex.lower(b);
      }
    }
    if (b.length == 8 || b.length == 32) { // address and mask, as in name constraints
      int half = b.length / 2;
      byte[] addr = java.util.Arrays.copyOfRange(b, 0, half);
      byte[] mask = java.util.Arrays.copyOfRange(b, half, b.length);
      try {
        return InetAddress.getByAddress(addr).getHostAddress()
            + "/"
            + InetAddress.getByAddress(mask).getHostAddress();
      } catch (UnknownHostException e) {
        return Hex.lower(b);
      }
    }
    return Hex.lower(b);
  }

  private static String other(ASN1Encodable v) {
    ASN1Sequence seq = ASN1Sequence.getInstance(v);
    String oid = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId();
    ASN1Encodable value = seq.getObjectAt(1);
    if (value instanceof ASN1TaggedObject t) {
      value = t.getBaseObject();
    }
    return oid + ";" + hex(value);
  }

  private static String hex(ASN1Encodable v) {
    try {
      return Hex.lower(v.toASN1Primitive().getEncoded());
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
