package dev.meshcert.mesh.timeline;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps instants of a range to x coordinates of a width in pixels, and back. Immutable.
 *
 * @param range the instants shown
 * @param width pixels from the range's start to its end; positive
 */
public record TimeScale(Range range, double width) {

  public TimeScale {
    if (!(width > 0)) {
      throw new IllegalArgumentException("width must be positive: " + width);
    }
  }

  /**
   * A span of time.
   *
   * @param from the first instant
   * @param to the last instant; after {@code from}
   */
  public record Range(Instant from, Instant to) {
    public Range {
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("a range ends after it starts: " + from + " " + to);
      }
    }

    /** Its length. */
    public Duration length() {
      return Duration.between(from, to);
    }

    /** The range around {@code centre} as long as this one times {@code factor}. */
    public Range zoom(Instant centre, double factor) {
      long before = Math.round(Duration.between(from, centre).toMillis() * factor);
      long after = Math.round(Duration.between(centre, to).toMillis() * factor);
      Instant a = centre.minusMillis(before);
      Instant b = centre.plusMillis(after);
      return b.isAfter(a) ? new Range(a, b) : new Range(a, a.plusMillis(1));
    }

    /** The range moved by {@code shift} (negative moves back). */
    public Range shift(Duration shift) {
      return new Range(from.plus(shift), to.plus(shift));
    }
  }

  /** The x of {@code t}; outside [0, width] when {@code t} is outside the range. */
  public double x(Instant t) {
    double span = range.length().toMillis();
    return (Duration.between(range.from(), t).toMillis() / span) * width;
  }

  /** The x of {@code t}, clamped to [-1, width + 1] so that drawing never overflows. */
  public double clampedX(Instant t) {
    return Math.max(-1, Math.min(width + 1, x(t)));
  }

  /** The instant at {@code x}. */
  public Instant at(double x) {
    return range.from().plusMillis(Math.round(x / width * range.length().toMillis()));
  }
}
