package dev.meshcert.mesh.istioctl;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The Go formatting istioctl applies to certificate fields. */
final class GoFormat {

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

  private GoFormat() {}

  /** {@code t.Format(time.RFC3339)} of a UTC time: whole seconds, "Z". */
  static String rfc3339(Instant t) {
    return RFC3339.format(t);
  }

  /** {@code fmt.Sprintf("%032x", serial)}: lowercase hex, zero-padded to 32 digits. */
  static String hex32(BigInteger serial) {
    String hex = serial.abs().toString(16);
    String padded = "0".repeat(Math.max(0, 32 - hex.length())) + hex;
    return serial.signum() < 0
        ? "-" + padded.substring(Math.min(1, padded.length() - hex.length()))
        : padded;
  }

  /** {@code fmt.Sprintf("%x", serial)}: lowercase hex, no padding. */
  static String hex(BigInteger serial) {
    return serial.toString(16);
  }

  /** Go's {@code now.After(from) && now.Before(to)}: strictly inside. */
  static boolean strictlyBetween(Instant now, Instant from, Instant to) {
    return now.isAfter(from) && now.isBefore(to);
  }
}
