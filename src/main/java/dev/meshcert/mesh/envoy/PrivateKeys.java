package dev.meshcert.mesh.envoy;

import static dev.meshcert.mesh.envoy.JsonFields.object;
import static dev.meshcert.mesh.envoy.JsonFields.string;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Describes the private key of a {@code tls_certificate} without keeping it. Envoy redacts inline
 * keys to {@code [redacted]} in its dumps; should a dump carry real key material anyway, it is
 * noted and dropped here, never passed on.
 */
final class PrivateKeys {

  private static final String REDACTED = "[redacted]";

  private PrivateKeys() {}

  static Optional<String> describe(JsonObject tlsCertificate) {
    Optional<JsonObject> key = object(tlsCertificate, "private_key");
    if (key.isEmpty()) {
      return object(tlsCertificate, "private_key_provider")
          .map(p -> "held by private key provider " + string(p, "provider_name").orElse("?"));
    }
    Optional<String> text =
        string(key.get(), "inline_bytes")
            .map(PrivateKeys::base64Text)
            .or(() -> string(key.get(), "inline_string"));
    if (text.isPresent()) {
      return Optional.of(
          text.get().strip().equals(REDACTED)
              ? "present (redacted by Envoy)"
              : "present inline, not redacted (not kept)");
    }
    return string(key.get(), "filename")
        .map(f -> "file " + f + " (on the proxy, not in the dump)")
        .or(() -> Optional.of("present"));
  }

  private static String base64Text(String base64) {
    try {
      return new String(Base64.getMimeDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
