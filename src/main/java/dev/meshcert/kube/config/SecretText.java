package dev.meshcert.kube.config;

/**
 * A credential (token, password, private key PEM) that must never be printed: {@link #toString()}
 * is redacted, so records holding one can be logged safely.
 *
 * @param value the secret text
 */
public record SecretText(String value) {

  @Override
  public String toString() {
    return "<redacted>";
  }
}
