package dev.meshcert.mesh.trust;

import java.util.List;

/**
 * Two workloads side by side, made by {@link WorkloadComparison}.
 *
 * @param left the first workload
 * @param right the second workload
 * @param rows identity, trust domain, each position of the chains, root and bundle; in that order
 * @param leftAcceptsRight whether the left workload's bundle holds the root of the right one's
 *     chain
 * @param rightAcceptsLeft the same the other way round
 * @param verdict one or two sentences: identical bundles or not (as {@code istioctl proxy-config
 *     rootca-compare} says), then whether each accepts the other's chain
 */
public record Comparison(
    WorkloadTrust left,
    WorkloadTrust right,
    List<Row> rows,
    Acceptance leftAcceptsRight,
    Acceptance rightAcceptsLeft,
    String verdict) {

  public Comparison {
    rows = List.copyOf(rows);
  }

  /** Whether mutual TLS between the two can pass certificate verification. */
  public boolean mutuallyTrusted() {
    return leftAcceptsRight == Acceptance.YES && rightAcceptsLeft == Acceptance.YES;
  }

  /**
   * One compared property.
   *
   * @param label "Identity", "Leaf", "Intermediate 1", "Root", "Bundle", ...
   * @param left the left workload's value, "" when it has none
   * @param right the right workload's value, "" when it has none
   * @param same whether the two are the same (the same certificate, for certificates)
   */
  public record Row(String label, String left, String right, boolean same) {}

  /** Whether one workload accepts the other's chain. */
  public enum Acceptance {
    /** Its bundle holds the root the other's chain verifies to. */
    YES,
    /** Its bundle does not hold that root, or the other's chain verifies to no known root. */
    NO,
    /** Its bundle is not known. */
    UNKNOWN
  }
}
