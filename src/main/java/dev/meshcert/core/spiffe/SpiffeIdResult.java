package dev.meshcert.core.spiffe;

import dev.meshcert.core.finding.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing a SPIFFE ID string.
 *
 * @param input the string as given
 * @param id the parsed ID, present exactly when no ERROR-level rule is broken (a warning such as an
 *     over-long ID leaves it present)
 * @param violations every rule the string breaks, each once, in the order of the string; empty for
 *     a clean ID
 */
public record SpiffeIdResult(
    String input, Optional<SpiffeId> id, List<SpiffeIdViolation> violations) {

  public SpiffeIdResult {
    violations = List.copyOf(violations);
  }

  /** Whether the string is a valid SPIFFE ID (it may still carry warnings). */
  public boolean valid() {
    return id.isPresent();
  }

  /** The violations that make the ID invalid. */
  public List<SpiffeIdViolation> errors() {
    return violations.stream().filter(v -> v.rule().severity() == Severity.ERROR).toList();
  }

  /** Whether the given rule is among the violations. */
  public boolean breaks(SpiffeIdRule rule) {
    return violations.stream().anyMatch(v -> v.rule() == rule);
  }
}
