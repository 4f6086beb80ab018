package dev.meshcert.kube;

/** A failed cluster operation; {@link #failure()} says what happened and what to try. */
public final class KubeException extends Exception {

  private static final long serialVersionUID = 1L;
  private final transient KubeFailure failure;

  /**
   * @param failure what went wrong
   */
  public KubeException(KubeFailure failure) {
    super(failure.title());
    this.failure = failure;
  }

  /**
   * @param failure what went wrong @param cause the underlying exception, kept for logs
   */
  public KubeException(KubeFailure failure, Throwable cause) {
    super(failure.title(), cause);
    this.failure = failure;
  }

  /** What went wrong. */
  public KubeFailure failure() {
    return failure;
  }
}
