package dev.meshcert.core.cert;

import java.util.Map;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.ASN1VisibleString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Distinguished names as text, in three forms: RFC 4514 (as pyca/cryptography's {@code
 * rfc4514_string()} writes it), OpenSSL's one-line form ({@code openssl x509 -text}) and OpenSSL's
 * slash form (directory names inside subjectAltName). All methods return "" for an empty name and
 * never null.
 */
public final class Names {

  /** Short names RFC 4514 section 3 defines; everything else is written as a dotted OID. */
  private static final Map<String, String> RFC4514 =
      Map.of(
          "2.5.4.3", "CN",
          "2.5.4.7", "L",
          "2.5.4.8", "ST",
          "2.5.4.10", "O",
          "2.5.4.11", "OU",
          "2.5.4.6", "C",
          "2.5.4.9", "STREET",
          "0.9.2342.19200300.100.1.25", "DC",
          "0.9.2342.19200300.100.1.1", "UID");

  private Names() {}

  /**
   * RFC 4514 form: RDNs in reverse encoding order ("CN=leaf,O=Example"), attributes of one RDN in
   * encoding order joined by '+'. Types outside RFC 4514's table are dotted OIDs with the string
   * value ("1.2.840.113549.1.9.1=ca@example.com"), matching pyca/cryptography; values that are not
   * strings are '#' and the hex of their DER, as RFC 4514 section 2.4 says.
   */
  public static String rfc4514(X500Name name) {
    RDN[] rdns = name.getRDNs();
    StringBuilder b = new StringBuilder();
    for (int i = rdns.length - 1; i >= 0; i--) {
      if (i < rdns.length - 1) {
        b.append(',');
      }
      boolean first = true;
      for (AttributeTypeAndValue atv : rdns[i].getTypesAndValues()) {
        if (!first) {
          b.append('+');
        }
        first = false;
        String oid = atv.getType().getId();
        b.append(RFC4514.getOrDefault(oid, oid)).append('=').append(rfc4514Value(atv.getValue()));
      }
    }
    return b.toString();
  }

  /**
   * OpenSSL's default one-line form, in encoding order: "C = US, O = Example, CN = leaf", with
   * OpenSSL's short names ("emailAddress"), values containing {@code ,+;<>} or a leading '#' or
   * space in double quotes, and multi-valued RDNs joined by " + ". Unlike OpenSSL, characters
   * beyond ASCII are shown as themselves rather than as \XX escapes of their UTF-8 bytes.
   */
  public static String openssl(X500Name name) {
    StringBuilder b = new StringBuilder();
    for (RDN rdn : name.getRDNs()) {
      boolean first = true;
      for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
        if (b.length() > 0) {
          b.append(first ? ", " : " + ");
        }
        first = false;
        b.append(OpenSsl.attributeName(atv.getType()))
            .append(" = ")
            .append(opensslValue(atv.getValue()));
      }
    }
    return b.toString();
  }

  /**
   * OpenSSL's slash form, used for directory names in subjectAltName and authorityKeyIdentifier:
   * "/C=US/O=Example/CN=leaf".
   */
  public static String slashed(X500Name name) {
    StringBuilder b = new StringBuilder();
    for (RDN rdn : name.getRDNs()) {
      boolean first = true;
      for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
        b.append(first ? "/" : "+");
        first = false;
        String v = text(atv.getValue()).replace("+", "\\+").replace("/", "\\/");
        b.append(OpenSsl.attributeName(atv.getType())).append('=').append(v);
      }
    }
    return b.toString();
  }

  /**
   * The attribute value as a string, when it is one of the ASN.1 string types (UniversalString is
   * decoded as UTF-32); empty otherwise.
   */
  static java.util.Optional<String> string(ASN1Encodable value) {
    if (value instanceof ASN1UniversalString u) {
      return java.util.Optional.of(
          new String(u.getOctets(), java.nio.charset.Charset.forName("UTF-32BE")));
    }
    // Only ASCII belongs in these, but real certificates carry UTF-8 (OpenSSL prints the raw
    // bytes): show it as the text it is, and bytes that are not UTF-8 one character each.
    if (value instanceof ASN1IA5String s) {
      return java.util.Optional.of(utf8OrLatin1(s.getOctets()));
    }
    if (value instanceof ASN1VisibleString s) {
      return java.util.Optional.of(utf8OrLatin1(s.getOctets()));
    }
    if (value instanceof ASN1String s && !(value instanceof ASN1BitString)) {
      return java.util.Optional.of(s.getString());
    }
    return java.util.Optional.empty();
  }

  private static String utf8OrLatin1(byte[] b) {
    try {
      return java.nio.charset.StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(b))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }

  /** The attribute value as text: the string for string types, '#' and DER hex otherwise. */
  static String text(ASN1Encodable value) {
    return string(value).orElseGet(() -> "#" + Hex.lower(der(value)));
  }

  private static String rfc4514Value(ASN1Encodable value) {
    if (string(value).isEmpty()) {
      return text(value);
    }
    String v = string(value).get();
    if (v.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(v.length() + 4);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\', '"', '+', ',', ';', '<', '>' -> b.append('\\').append(c);
        case '\0' -> b.append("\\00");
        default -> b.append(c);
      }
    }
    if (b.charAt(0) == '#' || (b.charAt(0) == ' ' && b.length() > 1)) {
      b.insert(0, '\\');
    }
    if (b.charAt(b.length() - 1) == ' ') {
      b.insert(b.length() - 1, '\\');
    }
    return b.toString();
  }

  private static String opensslValue(ASN1Encodable value) {
    if (string(value).isEmpty()) {
      return text(value);
    }
    String v = string(value).get();
    if (v.isEmpty()) {
      return v;
    }
    boolean quote = v.charAt(0) == '#' || v.charAt(0) == ' ' || v.endsWith(" ");
    StringBuilder b = new StringBuilder(v.length() + 4);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case ',', '+', ';', '<', '>' -> {
          quote = true;
          b.append(c);
        }
        case '"', '\\' -> b.append('\\').append(c);
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\%02X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return quote ? "\"" + b + "\"" : b.toString();
  }

  private static byte[] der(ASN1Encodable value) {
    try {
      return value.toASN1Primitive().getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("re-encoding a decoded name failed", e);
    }
  }
}
