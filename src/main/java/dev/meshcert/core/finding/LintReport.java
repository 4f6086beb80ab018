package dev.meshcert.core.finding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings of one {@link LintEngine} run.
 *
 * @param byCertificate findings per certificate SHA-256, in the order the certificates were given;
 *     every certificate has an entry, possibly empty
 * @param byChain findings per chain, in the order the chains were given
 */
public record LintReport(Map<String, List<Finding>> byCertificate, List<List<Finding>> byChain) {

  public LintReport {
    Map<String, List<Finding>> copy = new LinkedHashMap<>();
    byCertificate.forEach((sha, findings) -> copy.put(sha, List.copyOf(findings)));
    byCertificate = Collections.unmodifiableMap(copy);
    byChain = byChain.stream().map(List::copyOf).toList();
  }

  /** The findings about one certificate; empty when none or unknown. */
  public List<Finding> forCertificate(String sha256) {
    return byCertificate.getOrDefault(sha256, List.of());
  }

  /** Whether any finding, of a certificate or a chain, is an error. */
  public boolean hasErrors() {
    return byCertificate.values().stream().flatMap(List::stream).anyMatch(LintReport::error)
        || byChain.stream().flatMap(List::stream).anyMatch(LintReport::error);
  }

  private static boolean error(Finding f) {
    return f.severity() == Severity.ERROR;
  }
}
