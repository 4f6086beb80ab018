package dev.meshcert.kube.pull;

/**
 * Hears how a scan goes. Called from the scan's worker threads, possibly at the same time: an
 * implementation that updates a UI must hand over to the UI thread. Every method has a do-nothing
 * default.
 */
public interface ScanListener {

  /** The pods are known: {@code total} will be pulled. */
  default void started(int total) {}

  /** Pod {@code podRef} is being pulled; {@code done} of {@code total} are finished. */
  default void podStarted(String podRef, int done, int total) {}

  /** A pod is finished (pulled, failed, skipped or timed out): {@code done} of {@code total}. */
  default void podFinished(PodPull result, int done, int total) {}

  /** A listener that hears nothing. */
  static ScanListener none() {
    return new ScanListener() {};
  }
}
