package dev.meshcert.core.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * The permitted and excluded subtrees of one CA's nameConstraints extension, and how a name is
 * judged against them (RFC 5280 §4.2.1.10): DNS names by trailing labels, URIs by host (so a SPIFFE
 * ID by its trust domain), IP addresses by network and mask, email addresses by mailbox, host or
 * domain, directory names by leading RDNs. Names of other kinds are not constrained.
 */
final class NameConstraintSet {

  private final List<GeneralName> permitted = new ArrayList<>();
  private final List<GeneralName> excluded = new ArrayList<>();

  private NameConstraintSet() {}

  /** Parses the extension; a malformed one gives the reason instead. */
  static Result parse(NameConstraints nc) {
    NameConstraintSet set = new NameConstraintSet();
    GeneralSubtree[] p = nc.getPermittedSubtrees();
    GeneralSubtree[] e = nc.getExcludedSubtrees();
    if ((p == null || p.length == 0) && (e == null || e.length == 0)) {
      return new Result(null, "it has neither permitted nor excluded subtrees");
    }
    for (GeneralSubtree[] trees : new GeneralSubtree[][] {p, e}) {
      if (trees == null) {
        continue;
      }
      for (GeneralSubtree t : trees) {
        Optional<String> bad = malformed(t.getBase());
        if (bad.isPresent()) {
          return new Result(null, bad.get());
        }
        (trees == p ? set.permitted : set.excluded).add(t.getBase());
      }
    }
    return new Result(set, null);
  }

  /** A parsed set, or why it could not be used. */
  record Result(NameConstraintSet set, String problem) {}

  /** Why {@code name} is not allowed by these constraints, or empty when it is. */
  Optional<String> judge(GeneralName name) {
    int tag = name.getTagNo();
    if (!supported(tag)) {
      return Optional.empty();
    }
    boolean constrained = false;
    boolean inPermitted = false;
    for (GeneralName base : permitted) {
      if (base.getTagNo() == tag) {
        constrained = true;
        inPermitted |= within(name, base);
      }
    }
    boolean anyOfType = constrained || excluded.stream().anyMatch(b -> b.getTagNo() == tag);
    if (anyOfType && !wellFormed(name)) {
      return Optional.of(GeneralNameText.describe(name) + " is not a well-formed name of its kind");
    }
    if (constrained && !inPermitted) {
      return Optional.of(
          GeneralNameText.describe(name)
              + " is outside the permitted "
              + GeneralNameText.kind(tag)
              + " subtrees");
    }
    for (GeneralName base : excluded) {
      if (base.getTagNo() == tag && within(name, base)) {
        return Optional.of(
            GeneralNameText.describe(name)
                + " is inside the excluded subtree "
                + GeneralNameText.describe(base));
      }
    }
    return Optional.empty();
  }

  private static boolean supported(int tag) {
    return tag == GeneralName.dNSName
        || tag == GeneralName.iPAddress
        || tag == GeneralName.rfc822Name
        || tag == GeneralName.uniformResourceIdentifier
        || tag == GeneralName.directoryName;
  }

  private static Optional<String> malformed(GeneralName base) {
    switch (base.getTagNo()) {
      case GeneralName.dNSName -> {
        String d = text(base);
        String host = d.startsWith(".") ? d.substring(1) : d;
        if (!d.isEmpty() && !validHost(host, false)) {
          return Optional.of("its DNS constraint \"" + d + "\" is not a domain name");
        }
      }
      case GeneralName.iPAddress -> {
        byte[] b = ASN1OctetString.getInstance(base.getName()).getOctets();
        if ((b.length != 8 && b.length != 32) || !contiguousMask(b)) {
          return Optional.of("its IP constraint is not an address with a contiguous mask");
        }
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean contiguousMask(byte[] b) {
    boolean zeroSeen = false;
    for (int i = b.length / 2; i < b.length; i++) {
      for (int bit = 7; bit >= 0; bit--) {
        boolean one = (b[i] >> bit & 1) == 1;
        if (one && zeroSeen) {
          return false;
        }
        zeroSeen |= !one;
      }
    }
    return true;
  }

  private static boolean wellFormed(GeneralName name) {
    return switch (name.getTagNo()) {
      case GeneralName.dNSName -> validHost(text(name), true);
      case GeneralName.iPAddress -> {
        int n = ASN1OctetString.getInstance(name.getName()).getOctets().length;
        yield n == 4 || n == 16;
      }
      case GeneralName.rfc822Name -> text(name).indexOf('@') > 0;
      case GeneralName.uniformResourceIdentifier -> UriHost.of(text(name)).isPresent();
      default -> true;
    };
  }

  /** LDH labels (underscore tolerated), no empty label; a left-most "*" label when allowed. */
  static boolean validHost(String host, boolean wildcardAllowed) {
    if (host.isEmpty() || host.length() > 253) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    for (int i = 0; i < labels.length; i++) {
      String l = labels[i];
      if (i == 0 && wildcardAllowed && l.equals("*") && labels.length > 1) {
        continue;
      }
      if (l.isEmpty() || l.length() > 63 || !l.chars().allMatch(NameConstraintSet::ldh)) {
        return false;
      }
    }
    return true;
  }

  private static boolean ldh(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  private static boolean within(GeneralName name, GeneralName base) {
    return switch (name.getTagNo()) {
      case GeneralName.dNSName -> dnsWithin(lower(text(name)), lower(text(base)));
      case GeneralName.uniformResourceIdentifier ->
          UriHost.of(text(name)).map(h -> hostWithin(h, lower(text(base)))).orElse(false);
      case GeneralName.rfc822Name -> emailWithin(text(name), text(base));
      case GeneralName.iPAddress -> ipWithin(octets(name), octets(base));
      case GeneralName.directoryName ->
          dnWithin(X500Name.getInstance(name.getName()), X500Name.getInstance(base.getName()));
      default -> false;
    };
  }

  static boolean dnsWithin(String name, String constraint) {
    if (constraint.isEmpty()) {
      return true;
    }
    if (constraint.startsWith(".")) {
      return name.endsWith(constraint);
    }
    return name.equals(constraint) || name.endsWith("." + constraint);
  }

  private static boolean hostWithin(String host, String constraint) {
    if (constraint.startsWith(".")) {
      return host.endsWith(constraint);
    }
    return host.equals(constraint);
  }

  private static boolean emailWithin(String email, String constraint) {
    int at = email.lastIndexOf('@');
    String host = lower(email.substring(at + 1));
    if (constraint.contains("@")) {
      int cat = constraint.lastIndexOf('@');
      return email.substring(0, at).equals(constraint.substring(0, cat))
          && host.equals(lower(constraint.substring(cat + 1)));
    }
    return hostWithin(host, lower(constraint));
  }

  private static boolean ipWithin(byte[] ip, byte[] constraint) {
    if (constraint.length != ip.length * 2) {
      return false;
    }
    for (int i = 0; i < ip.length; i++) {
      byte mask = constraint[ip.length + i];
      if ((ip[i] & mask) != (constraint[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static boolean dnWithin(X500Name name, X500Name constraint) {
    RDN[] n = name.getRDNs();
    RDN[] c = constraint.getRDNs();
    if (c.length > n.length) {
      return false;
    }
    for (int i = 0; i < c.length; i++) {
      if (!IETFUtils.rDNAreEqual(n[i], c[i])) {
        return false;
      }
    }
    return true;
  }

  private static byte[] octets(GeneralName n) {
    return ASN1OctetString.getInstance(n.getName()).getOctets();
  }

  static String text(GeneralName n) {
    return ((ASN1String) n.getName()).getString();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
