package dev.meshcert.core.cert;

/** The bytes are not a certificate this app can decode; the message says why, for a person. */
public final class CertificateDecodeException extends Exception {
  public CertificateDecodeException(String message) {
    super(message);
  }

  public CertificateDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
