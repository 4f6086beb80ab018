package dev.meshcert.mesh.trust;

/**
 * Why a workload stands out from the rest of its trust domain, typically during or after a root
 * rotation.
 *
 * @param kind what kind of difference
 * @param reason one sentence for people, naming the roots involved
 */
public record Straggle(Kind kind, String reason) {

  /** The kinds of difference, in the order they are reported. */
  public enum Kind {
    /** The chain verifies to none of the roots seen anywhere in the mesh (or is broken). */
    NO_KNOWN_ROOT,
    /** The chain verifies to a root other than the trust domain's current root. */
    NOT_CURRENT_ROOT,
    /** The bundle does not hold the current root: peers with new certificates are rejected. */
    BUNDLE_LACKS_CURRENT_ROOT,
    /** The bundle lacks a root other workloads' chains verify to: those peers are rejected. */
    BUNDLE_LACKS_ROOT_IN_USE,
    /** The bundle does not hold the root of the workload's own chain. */
    OWN_ROOT_NOT_HELD,
    /** The bundle differs from the one most workloads of the trust domain hold. */
    BUNDLE_DIFFERS
  }
}
