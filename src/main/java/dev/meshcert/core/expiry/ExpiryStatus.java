package dev.meshcert.core.expiry;

import java.time.Duration;

/**
 * A certificate's validity at an instant.
 *
 * @param state the state
 * @param remaining time left until notAfter (negative once expired)
 * @param elapsedFraction share of the lifetime elapsed, clamped to [0, 1]
 * @param phrase for people: "expires in 3 h", "expired 12 days ago", "valid from in 2 days"
 */
public record ExpiryStatus(
    ExpiryState state, Duration remaining, double elapsedFraction, String phrase) {}
