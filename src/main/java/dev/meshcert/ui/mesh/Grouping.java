package dev.meshcert.ui.mesh;

/** How the trust view groups workloads. */
public enum Grouping {
  /** By the root each chain verifies to. */
  ROOT,
  /** By the root bundle each workload holds. */
  BUNDLE
}
