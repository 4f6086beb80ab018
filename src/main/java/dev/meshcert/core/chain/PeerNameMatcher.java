package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Whether a leaf's subjectAltName carries an expected name. DNS names follow RFC 6125 §6.4: case is
 * ignored, a wildcard only as the whole left-most label of at least three labels, matching exactly
 * one label. The subject's common name is never consulted.
 */
final class PeerNameMatcher {
  private PeerNameMatcher() {}

  static boolean matches(CertificateFacts leaf, PeerName expected) {
    GeneralNames sans;
    try {
      sans =
          GeneralNames.fromExtensions(
              leaf.holder().getExtensions(), Extension.subjectAlternativeName);
    } catch (RuntimeException e) {
      return false;
    }
    if (sans == null) {
      return false;
    }
    for (GeneralName n : sans.getNames()) {
      try {
        if (matches(n, expected)) {
          return true;
        }
      } catch (RuntimeException e) {
        // a malformed entry matches nothing
      }
    }
    return false;
  }

  private static boolean matches(GeneralName n, PeerName expected) {
    String value = expected.value();
    return switch (expected.kind()) {
      case DNS -> n.getTagNo() == GeneralName.dNSName && dns(NameConstraintSet.text(n), value);
      case URI ->
          n.getTagNo() == GeneralName.uniformResourceIdentifier
              && uri(NameConstraintSet.text(n), value);
      case EMAIL ->
          n.getTagNo() == GeneralName.rfc822Name && email(NameConstraintSet.text(n), value);
      case IP ->
          n.getTagNo() == GeneralName.iPAddress
              && ip(ASN1OctetString.getInstance(n.getName()).getOctets(), value);
    };
  }

  static boolean dns(String presented, String reference) {
    String p = strip(presented.toLowerCase(Locale.ROOT));
    String r = strip(reference.toLowerCase(Locale.ROOT));
    if (!NameConstraintSet.validHost(p, true) || !NameConstraintSet.validHost(r, false)) {
      return false;
    }
    if (!p.startsWith("*.")) {
      return p.equals(r);
    }
    String suffix = p.substring(1);
    if (suffix.chars().filter(c -> c == '.').count() < 2 || !r.endsWith(suffix)) {
      return false;
    }
    String firstLabel = r.substring(0, r.length() - suffix.length());
    return !firstLabel.isEmpty() && !firstLabel.contains(".");
  }

  private static String strip(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  private static boolean uri(String presented, String reference) {
    int p = presented.indexOf("://");
    int r = reference.indexOf("://");
    if (p < 0 || r < 0) {
      return presented.equals(reference);
    }
    String pHead = presented.substring(0, p + 3);
    String rHead = reference.substring(0, r + 3);
    return pHead.equalsIgnoreCase(rHead)
        && UriHost.of(presented).equals(UriHost.of(reference))
        && tail(presented, p).equals(tail(reference, r));
  }

  private static String tail(String uri, int schemeEnd) {
    String rest = uri.substring(schemeEnd + 3);
    int slash = rest.indexOf('/');
    return slash < 0 ? "" : rest.substring(slash);
  }

  private static boolean email(String presented, String reference) {
    int p = presented.lastIndexOf('@');
    int r = reference.lastIndexOf('@');
    return p > 0
        && r > 0
        && presented.substring(0, p).equals(reference.substring(0, r))
        && presented.substring(p + 1).equalsIgnoreCase(reference.substring(r + 1));
  }

  private static boolean ip(byte[] presented, String reference) {
    if (presented.length != 4 && presented.length != 16) {
      return false;
    }
    if (!reference.contains(":") && !reference.matches("[0-9.]+")) {
      return false;
    }
    try {
      return Arrays.equals(presented, InetAddress.getByName(reference).getAddress());
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
