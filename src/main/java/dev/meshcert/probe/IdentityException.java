package dev.meshcert.probe;

/**
 * An identity or a trust root could not be loaded or made: the message says which file or input and
 * what is wrong with it ("key.pem: the key does not belong to the certificate").
 */
public final class IdentityException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming the input
   */
  public IdentityException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, naming the input
   * @param cause the underlying failure, for logs
   */
  public IdentityException(String message, Throwable cause) {
    super(message, cause);
  }
}
