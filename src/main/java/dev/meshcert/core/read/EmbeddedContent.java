package dev.meshcert.core.read;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads a value found inside a structured input (a Secret key, a kubeconfig field): PEM, PKCS#12,
 * JKS, PKCS#7 or DER, detected from the bytes.
 */
final class EmbeddedContent {

  private static final List<FormatReader> READERS =
      List.of(
          new PemReader(), new Pkcs12Reader(), new JksReader(), new Pkcs7Reader(), new DerReader());

  private EmbeddedContent() {}

  /** The value read, or empty when it holds none of the formats. */
  static Optional<Source> read(String name, byte[] value, PasswordProvider passwords) {
    for (FormatReader r : READERS) {
      if (r.accepts(value)) {
        try {
          return Optional.of(r.read(name, value, passwords));
        } catch (RuntimeException | StackOverflowError e) {
          return Optional.of(Source.unreadable(name, Der.message(e)));
        }
      }
    }
    return Optional.empty();
  }

  /** Standard base64 with whitespace allowed (as Kubernetes and kubeconfig carry it). */
  static Optional<byte[]> base64(String value) {
    try {
      return Optional.of(Base64.getDecoder().decode(value.replaceAll("\\s+", "")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
