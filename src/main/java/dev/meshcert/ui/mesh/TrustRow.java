package dev.meshcert.ui.mesh;

import dev.meshcert.mesh.trust.WorkloadTrust;
import java.util.List;
import java.util.Optional;

/**
 * One row of the trust tree: a group (a root or a bundle) or a workload in it.
 *
 * @param name the group's root or bundle, or the workload's name
 * @param other for a workload: the other dimension (its bundle when grouped by root, its root when
 *     grouped by bundle); for a group: how many workloads and how many stand out
 * @param domain the trust domain, "" when none
 * @param reasons why a workload stands out, one sentence each; for a group, empty
 * @param marked a group of the current root or the majority bundle; a workload that stands out
 * @param workload the workload, for workload rows
 * @param children a group's workloads
 */
public record TrustRow(
    String name,
    String other,
    String domain,
    List<String> reasons,
    boolean marked,
    Optional<WorkloadTrust> workload,
    List<TrustRow> children) {

  public TrustRow {
    reasons = List.copyOf(reasons);
    children = List.copyOf(children);
  }

  /** Whether this row is a group. */
  public boolean group() {
    return workload.isEmpty();
  }
}
