package dev.meshcert.core.expiry;

import java.time.Duration;

/**
 * When a valid certificate counts as "expiring": in the last {@link #window(Duration) window} of
 * its life, which is the <em>shorter</em> of an absolute window and a share of its lifetime.
 *
 * <p>The absolute window suits long-lived certificates (a 10-year root is expiring in its last 30
 * days, not in its last two years), the lifetime share suits short-lived ones (a 24-hour Istio
 * workload certificate is expiring past hour 19.2, not for its whole life because 24 hours is less
 * than 30 days). Taking whichever is shorter lets one policy serve both; see
 * docs/adr/0013-expiring-window.md for why "either condition" would not.
 *
 * @param absoluteWindow at most this much time before notAfter (default 30 days); not negative
 * @param lifetimeFraction expiring once more than this share of the lifetime has elapsed (default
 *     0.8), in (0, 1]; 1 switches the relative window, and so "expiring", off
 */
public record ExpiryPolicy(Duration absoluteWindow, double lifetimeFraction) {

  /** 30 days, or past 80% of the lifetime, whichever comes later. */
  public static final ExpiryPolicy DEFAULT = new ExpiryPolicy(Duration.ofDays(30), 0.8);

  public ExpiryPolicy {
    if (absoluteWindow.isNegative()) {
      throw new IllegalArgumentException("absolute window must not be negative");
    }
    if (!(lifetimeFraction > 0 && lifetimeFraction <= 1)) {
      throw new IllegalArgumentException("lifetime fraction must be in (0, 1]");
    }
  }

  /**
   * How long before notAfter a certificate with this lifetime becomes "expiring": the shorter of
   * {@link #absoluteWindow} and (1 - {@link #lifetimeFraction}) of the lifetime; zero for an empty
   * or inverted lifetime.
   */
  public Duration window(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero()) {
      return Duration.ZERO;
    }
    Duration relative = Duration.ofMillis(Math.round(lifetime.toMillis() * (1 - lifetimeFraction)));
    return relative.compareTo(absoluteWindow) < 0 ? relative : absoluteWindow;
  }
}
