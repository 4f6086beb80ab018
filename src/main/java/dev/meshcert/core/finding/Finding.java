package dev.meshcert.core.finding;

import java.util.Optional;

/**
 * One verdict about a certificate or a chain.
 *
 * @param rule stable rule ID, such as {@code SVID-LEAF-NOT-CA} or {@code CHAIN-UNTRUSTED}; never
 *     changes once published (scripts match on it)
 * @param severity how much it matters
 * @param title one line, for the tree badge and the findings list
 * @param explanation what it means and what to do, for a person
 * @param reference where the rule comes from ("SPIFFE X509-SVID §4.3", "RFC 5280 §4.1.2.2")
 * @param certificateSha256 the certificate it concerns; empty for a finding about a whole chain
 */
public record Finding(
    String rule,
    Severity severity,
    String title,
    String explanation,
    String reference,
    Optional<String> certificateSha256) {

  /** "ERROR SVID-LEAF-NOT-CA: leaf SVID must not be a CA". */
  @Override
  public String toString() {
    return severity + " " + rule + ": " + title;
  }
}
