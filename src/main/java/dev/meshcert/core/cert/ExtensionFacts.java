package dev.meshcert.core.cert;

import java.util.List;
import java.util.Optional;

/**
 * One X.509 extension as it appears in the certificate. No component is null.
 *
 * @param oid dotted object identifier
 * @param name a readable name ("X509v3 Subject Alternative Name"), or the OID when unknown
 * @param critical the critical flag
 * @param valueHex lowercase hex of the extension's OCTET STRING contents
 * @param lines the decoded value as {@code openssl x509 -text} prints it, one string per printed
 *     line without the indentation (nested items keep their relative indent); for extensions this
 *     app does not decode, colon hex, 16 bytes a line
 * @param known whether this app decodes the extension's value
 * @param problem why a known extension's value could not be decoded, if it could not
 */
public record ExtensionFacts(
    String oid,
    String name,
    boolean critical,
    String valueHex,
    List<String> lines,
    boolean known,
    Optional<String> problem) {

  public ExtensionFacts {
    lines = List.copyOf(lines);
  }

  /** An extension whose value decoded (or that is not decoded at all). */
  public ExtensionFacts(
      String oid,
      String name,
      boolean critical,
      String valueHex,
      List<String> lines,
      boolean known) {
    this(oid, name, critical, valueHex, lines, known, Optional.empty());
  }
}
