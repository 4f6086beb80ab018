package dev.meshcert.core.expiry;

import dev.meshcert.core.cert.CertificateFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Judges where a certificate stands in its validity period at an instant.
 *
 * <ul>
 *   <li>{@link ExpiryState#EXPIRED} after notAfter (notAfter itself is still valid: RFC 5280 says
 *       the period is inclusive; like Go, one nanosecond later is expired).
 *   <li>{@link ExpiryState#NOT_YET_VALID} before notBefore.
 *   <li>{@link ExpiryState#EXPIRING} when less than the policy's {@linkplain
 *       ExpiryPolicy#window(Duration) window} remains.
 *   <li>{@link ExpiryState#VALID} otherwise.
 * </ul>
 *
 * Pure and thread-safe; all arguments non-null.
 */
public final class Expiry {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Expiry() {}

  /** The status of {@code c} at {@code at} under {@code policy}. */
  public static ExpiryStatus evaluate(CertificateFacts c, Instant at, ExpiryPolicy policy) {
    return evaluate(c.notBefore(), c.notAfter(), at, policy);
  }

  /**
   * The status of a validity period given only as instants, as metadata-only inputs (Envoy {@code
   * /certs}, ztunnel dumps) give it. An inverted period (notAfter before notBefore) is expired from
   * notAfter on and never valid.
   */
  public static ExpiryStatus evaluate(
      Instant notBefore, Instant notAfter, Instant at, ExpiryPolicy policy) {
    Duration remaining = Duration.between(at, notAfter);
    double elapsed = elapsedFraction(notBefore, notAfter, at);
    if (at.isAfter(notAfter)) {
      return new ExpiryStatus(
          ExpiryState.EXPIRED,
          remaining,
          elapsed,
          "expired " + RelativeTime.format(remaining) + " ago");
    }
    if (at.isBefore(notBefore)) {
      Duration wait = Duration.between(at, notBefore);
      String when =
          wait.compareTo(Duration.ofDays(1)) >= 0
              ? DATE.format(notBefore)
              : DATE_TIME.format(notBefore);
      return new ExpiryStatus(
          ExpiryState.NOT_YET_VALID,
          remaining,
          elapsed,
          "not valid until " + when + " (in " + RelativeTime.format(wait) + ")");
    }
    Duration window = policy.window(Duration.between(notBefore, notAfter));
    ExpiryState state = remaining.compareTo(window) < 0 ? ExpiryState.EXPIRING : ExpiryState.VALID;
    return new ExpiryStatus(
        state, remaining, elapsed, "expires in " + RelativeTime.format(remaining));
  }

  /** Share of [notBefore, notAfter] elapsed at {@code at}, clamped to [0, 1]. */
  static double elapsedFraction(Instant notBefore, Instant notAfter, Instant at) {
    long lifetime = Duration.between(notBefore, notAfter).toMillis();
    if (lifetime <= 0) {
      return at.isBefore(notAfter) ? 0 : 1;
    }
    double f = (double) Duration.between(notBefore, at).toMillis() / lifetime;
    return Math.max(0, Math.min(1, f));
  }
}
