package dev.meshcert.kube.pull;

/** How pulling one pod's certificates ended. */
public enum PullStatus {
  /** A strategy read the certificates. */
  PULLED,
  /** Every strategy failed; {@link PodPull#reason()} says why. */
  FAILED,
  /** The pod took longer than the per-pod timeout. */
  TIMED_OUT,
  /** The scan was cancelled before this pod finished. */
  CANCELLED,
  /** Nothing to pull: the pod is in no mesh, or its data plane serves no certificates. */
  SKIPPED
}
