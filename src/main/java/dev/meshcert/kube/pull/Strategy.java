package dev.meshcert.kube.pull;

import dev.meshcert.kube.KubeException;

/** One way of reading a pod's certificates; strategies of a data plane are tried in order. */
interface Strategy {

  /** What is tried, for a person ("port-forward :15000 GET /config_dump?mask=..."). */
  String name();

  /**
   * Reads the certificates.
   *
   * @throws KubeException when the cluster refuses or fails (forbidden, timeout, dropped stream)
   * @throws PullException when the answer holds no usable certificates
   */
  PulledChain pull(PodContext pod) throws KubeException, PullException;

  /** The answer came, but holds nothing usable (no secret named "default", an empty file). */
  final class PullException extends Exception {
    PullException(String message) {
      super(message);
    }
  }
}
