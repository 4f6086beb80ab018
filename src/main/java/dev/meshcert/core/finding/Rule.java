package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.Optional;

/**
 * One lint rule: what {@code docs/rules.md} lists. Findings made from it carry its ID, severity,
 * title and reference, and an explanation made of what was seen plus the rule's advice.
 *
 * @param id stable rule ID such as {@code SVID-LEAF-CA}; never changes once published
 * @param severity severity of every finding of this rule
 * @param title one line
 * @param reference spec section, RFC or mesh documentation the rule comes from
 * @param advice what it means and what to do, appended to every explanation
 */
public record Rule(String id, Severity severity, String title, String reference, String advice) {

  /** A finding about one certificate; {@code seen} says what was found, in a sentence. */
  public Finding about(CertificateFacts cert, String seen) {
    return new Finding(id, severity, title, explain(seen), reference, Optional.of(cert.sha256()));
  }

  /** A finding about a whole chain. */
  public Finding aboutChain(String seen) {
    return new Finding(id, severity, title, explain(seen), reference, Optional.empty());
  }

  private String explain(String seen) {
    if (seen.isEmpty()) {
      return advice;
    }
    return seen.endsWith(".") ? seen + " " + advice : seen + ". " + advice;
  }
}
