package dev.meshcert.core.cert;

import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Distinguished names as text. */
public final class Names {
  private Names() {}

  /**
   * RFC 4514 form: RDNs in reverse encoding order ("CN=leaf,O=Example"), "" for an empty sequence.
   */
  public static String rfc4514(X500Name name) {
    RDN[] rdns = name.getRDNs();
    StringBuilder b = new StringBuilder();
    for (int i = rdns.length - 1; i >= 0; i--) {
      if (b.length() > 0) {
        b.append(',');
      }
      appendRdn(b, rdns[i]);
    }
    return b.toString();
  }

  /** OpenSSL's default one-line form: encoding order, "C = US, O = Example, CN = leaf". */
  public static String openssl(X500Name name) {
    RDN[] rdns = name.getRDNs();
    StringBuilder b = new StringBuilder();
    for (RDN rdn : rdns) {
      if (b.length() > 0) {
        b.append(", ");
      }
      StringBuilder one = new StringBuilder();
      appendRdn(one, rdn);
      b.append(one.toString().replaceFirst("=", " = "));
    }
    return b.toString();
  }

  private static void appendRdn(StringBuilder b, RDN rdn) {
    boolean first = true;
    for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
      if (!first) {
        b.append('+');
      }
      first = false;
      String name = BCStyle.INSTANCE.oidToDisplayName(atv.getType());
      b.append(name != null ? name : atv.getType().getId())
          .append('=')
          .append(IETFUtils.valueToString(atv.getValue()));
    }
  }
}
