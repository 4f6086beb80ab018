package dev.meshcert.mesh.policy;

/** The level a PeerAuthentication applies at, from widest to narrowest. */
public enum PolicyScope {
  /** No policy applies: Istio's default, PERMISSIVE. */
  DEFAULT,
  /** A policy without selector in the root namespace. */
  MESH,
  /** A policy without selector in the workload's namespace. */
  NAMESPACE,
  /** A policy whose selector matches the workload. */
  WORKLOAD,
  /** A {@code portLevelMtls} entry of the workload policy. */
  PORT
}
