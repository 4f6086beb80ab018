package dev.meshcert.core.chain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

/** GeneralNames and their kinds as short text for problem messages. */
final class GeneralNameText {
  private GeneralNameText() {}

  /** "DNS name foo.example.com", "IP 192.0.2.0/255.255.255.0", "directory name CN=foo". */
  static String describe(GeneralName n) {
    try {
      return switch (n.getTagNo()) {
        case GeneralName.dNSName, GeneralName.rfc822Name, GeneralName.uniformResourceIdentifier ->
            kind(n.getTagNo()) + " " + NameConstraintSet.text(n);
        case GeneralName.iPAddress ->
            "IP " + ip(ASN1OctetString.getInstance(n.getName()).getOctets());
        case GeneralName.directoryName ->
            "directory name "
                + dev.meshcert.core.cert.Names.rfc4514(X500Name.getInstance(n.getName()));
        default -> kind(n.getTagNo());
      };
    } catch (RuntimeException e) {
      return kind(n.getTagNo()) + " (undecodable)";
    }
  }

  /** "DNS", "IP", "email", "URI", "directory name", or "other". */
  static String kind(int tag) {
    return switch (tag) {
      case GeneralName.dNSName -> "DNS";
      case GeneralName.iPAddress -> "IP";
      case GeneralName.rfc822Name -> "email";
      case GeneralName.uniformResourceIdentifier -> "URI";
      case GeneralName.directoryName -> "directory name";
      default -> "other name";
    };
  }

  private static String ip(byte[] b) {
    try {
      if (b.length == 4 || b.length == 16) {
        return InetAddress.getByAddress(b).getHostAddress();
      }
      if (b.length == 8 || b.length == 32) {
        int half = b.length / 2;
        return InetAddress.getByAddress(java.util.Arrays.copyOf(b, half)).getHostAddress()
            + "/"
            + InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, half, b.length))
                .getHostAddress();
      }
    } catch (UnknownHostException e) {
      // falls through to hex
    }
    return HexFormat.of().formatHex(b) + " (" + b.length + " bytes)";
  }
}
