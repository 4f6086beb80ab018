package dev.meshcert.core.expiry;

import java.time.Duration;

/**
 * A certificate's validity at an instant, made by {@link Expiry}. No component is null.
 *
 * @param state the state
 * @param remaining time from the instant to notAfter (negative once expired)
 * @param elapsedFraction share of the lifetime elapsed, clamped to [0, 1]
 * @param phrase for people: "expires in 3 h", "expired 12 days ago", "not valid until 2027-01-01
 *     (in 28 days)"
 */
public record ExpiryStatus(
    ExpiryState state, Duration remaining, double elapsedFraction, String phrase) {

  /** The elapsed share as a whole percentage, rounded down (0 to 100). */
  public int percentElapsed() {
    // The epsilon keeps 0.29 from printing as 28 through binary rounding.
    return (int) Math.floor(elapsedFraction * 100 + 1e-9);
  }

  /** Whether the certificate is within its validity period (valid or expiring). */
  public boolean withinValidity() {
    return state == ExpiryState.VALID || state == ExpiryState.EXPIRING;
  }
}
