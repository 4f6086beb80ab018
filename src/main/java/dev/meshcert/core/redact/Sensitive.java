package dev.meshcert.core.redact;

import java.util.Locale;

/** The kinds of value a {@link Redaction} can mask; each has the placeholder word it shows. */
public enum Sensitive {
  /** A private key: masked by every policy, never shown. */
  PRIVATE_KEY,
  /** A bearer token, JWT, password or Secret value. */
  TOKEN,
  /** A certificate serial number. */
  SERIAL,
  /** A certificate or key fingerprint, key identifier, SPKI pin or PEM body. */
  FINGERPRINT,
  /** A cluster API server address, URL or IP address. */
  SERVER,
  /** A Kubernetes namespace name (masked only when names are masked). */
  NAMESPACE,
  /** A pod name (masked only when names are masked). */
  POD;

  /** The word in placeholders: {@code serial}, {@code ns}, {@code pod}, ... */
  public String word() {
    return switch (this) {
      case PRIVATE_KEY -> "private key";
      case NAMESPACE -> "ns";
      default -> name().toLowerCase(Locale.ROOT);
    };
  }
}
