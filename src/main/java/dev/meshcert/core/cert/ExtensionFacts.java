package dev.meshcert.core.cert;

import java.util.List;

/**
 * One X.509 extension as it appears in the certificate.
 *
 * @param oid dotted object identifier
 * @param name a readable name ("X509v3 Subject Alternative Name"), or the OID when unknown
 * @param critical the critical flag
 * @param valueHex lowercase hex of the extension's OCTET STRING contents
 * @param lines the decoded value, one line per item, as {@code openssl x509 -text} would show it;
 *     for unknown extensions the hex
 * @param known whether this app understands the extension
 */
public record ExtensionFacts(
    String oid, String name, boolean critical, String valueHex, List<String> lines, boolean known) {

  public ExtensionFacts {
    lines = List.copyOf(lines);
  }
}
