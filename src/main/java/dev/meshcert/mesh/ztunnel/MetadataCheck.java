package dev.meshcert.mesh.ztunnel;

import dev.meshcert.core.cert.CertificateFacts;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the metadata ztunnel prints beside a PEM with the certificate itself (EXPECTATIONS trap
 * 3: a real dump where they disagree). Unparseable metadata counts as a disagreement.
 */
final class MetadataCheck {

  private MetadataCheck() {}

  static List<String> compare(ZtunnelCert metadata, CertificateFacts cert) {
    List<String> out = new ArrayList<>();
    metadata
        .serialNumber()
        .ifPresent(
            s -> {
              Optional<BigInteger> given = decimal(s);
              if (given.isEmpty() || !given.get().equals(cert.serial())) {
                out.add(
                    "serialNumber "
                        + s
                        + given.map(g -> " (hex " + g.toString(16) + ")").orElse(" (not decimal)")
                        + ", certificate serial "
                        + cert.serialHex());
              }
            });
    metadata
        .validFrom()
        .ifPresent(v -> time("validFrom", v, "notBefore", cert.notBefore()).ifPresent(out::add));
    metadata
        .expirationTime()
        .ifPresent(v -> time("expirationTime", v, "notAfter", cert.notAfter()).ifPresent(out::add));
    return out;
  }

  private static Optional<String> time(
      String field, String given, String certField, Instant actual) {
    Optional<Instant> parsed = instant(given);
    if (parsed.isPresent() && parsed.get().equals(actual)) {
      return Optional.empty();
    }
    return Optional.of(
        field
            + " "
            + given
            + (parsed.isEmpty() ? " (not an RFC 3339 time)" : "")
            + ", certificate "
            + certField
            + " "
            + actual);
  }

  /** RFC 3339 text as an instant. */
  static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<BigInteger> decimal(String text) {
    try {
      return Optional.of(new BigInteger(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
