package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A candidate certification path that did not verify, and why.
 *
 * @param certificates leaf first, as far as the path got (its last certificate is the trust anchor
 *     when {@code reachedAnchor})
 * @param reachedAnchor the path ends at a trust anchor but breaks a rule on the way
 * @param problems every problem found on this path, most decisive first; never empty
 */
public record FailedPath(
    List<CertificateFacts> certificates, boolean reachedAnchor, List<PathProblem> problems) {

  public FailedPath {
    certificates = List.copyOf(certificates);
    problems = List.copyOf(problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a failed path has at least one problem");
    }
  }

  /** The problems as one line. */
  public String reason() {
    return problems.stream().map(PathProblem::message).collect(Collectors.joining("; "));
  }
}
