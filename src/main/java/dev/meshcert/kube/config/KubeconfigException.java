package dev.meshcert.kube.config;

/** A kubeconfig that cannot be used as asked: an unknown context, a cluster without a server. */
public final class KubeconfigException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and where, for a person
   */
  public KubeconfigException(String message) {
    super(message);
  }
}
