package dev.meshcert.core.spiffe;

/**
 * One rule a SPIFFE ID string breaks.
 *
 * @param rule the rule
 * @param detail what exactly is wrong, for a person ("'A' at index 9"); never null, may be ""
 */
public record SpiffeIdViolation(SpiffeIdRule rule, String detail) {

  /** "trust domain is not lower case: 'A' at index 9". */
  public String message() {
    return detail.isEmpty() ? rule.title() : rule.title() + ": " + detail;
  }

  @Override
  public String toString() {
    return rule.label() + " " + message();
  }
}
