package dev.meshcert.core.expiry;

import java.time.Duration;

/**
 * When a valid certificate counts as "expiring". Either window is enough: the absolute one suits
 * long-lived roots (a 10-year root 20 days before its end), the lifetime-relative one suits
 * short-lived workload certificates (a 24-hour Istio certificate past hour 19).
 *
 * @param absoluteWindow expiring when less than this remains (default 30 days)
 * @param lifetimeFraction expiring when more than this share of the lifetime has elapsed (default
 *     0.8); between 0 and 1
 */
public record ExpiryPolicy(Duration absoluteWindow, double lifetimeFraction) {

  /** 30 days, or past 80% of the lifetime. */
  public static final ExpiryPolicy DEFAULT = new ExpiryPolicy(Duration.ofDays(30), 0.8);

  public ExpiryPolicy {
    if (absoluteWindow.isNegative()) {
      throw new IllegalArgumentException("absolute window must not be negative");
    }
    if (!(lifetimeFraction > 0 && lifetimeFraction <= 1)) {
      throw new IllegalArgumentException("lifetime fraction must be in (0, 1]");
    }
  }
}
