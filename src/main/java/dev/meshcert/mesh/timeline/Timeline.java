package dev.meshcert.mesh.timeline;

import dev.meshcert.core.expiry.ExpiryState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every certificate's validity on one axis, made by {@link ExpiryTimeline}.
 *
 * @param now the instant the "now" line is drawn at and states are judged at
 * @param bars one per distinct certificate, soonest notAfter first
 */
public record Timeline(Instant now, List<TimelineBar> bars) {

  public Timeline {
    bars = List.copyOf(bars);
  }

  /** An empty timeline at {@code now}. */
  public static Timeline empty(Instant now) {
    return new Timeline(now, List.of());
  }

  /** The earliest notBefore, or now when there are no bars. */
  public Instant start() {
    return bars.stream().map(TimelineBar::notBefore).min(Instant::compareTo).orElse(now);
  }

  /** The latest notAfter, or now when there are no bars. */
  public Instant end() {
    return bars.stream().map(TimelineBar::notAfter).max(Instant::compareTo).orElse(now);
  }

  /**
   * The window that shows most leaves well: from now minus the median leaf lifetime to now plus it
   * (a mesh's 24-hour workload certificates stay readable beside one 90-day cert-manager
   * certificate); the whole span when there are no leaves.
   */
  public TimeScale.Range leafWindow() {
    List<Duration> lifetimes =
        bars.stream()
            .filter(b -> b.role() == TimelineBar.Role.LEAF)
            .map(b -> b.certificate().lifetime())
            .sorted()
            .toList();
    Duration median = lifetimes.isEmpty() ? Duration.ZERO : lifetimes.get(lifetimes.size() / 2);
    if (median.isZero() || median.isNegative()) {
      return whole();
    }
    return new TimeScale.Range(now.minus(median), now.plus(median));
  }

  /** From the earliest notBefore to the latest notAfter (at least a minute). */
  public TimeScale.Range whole() {
    Instant end = end();
    Instant start = start();
    return new TimeScale.Range(start, end.isAfter(start) ? end : start.plusSeconds(60));
  }

  /** The bars that pass {@code filter}, in order. */
  public Timeline filter(Predicate<TimelineBar> filter) {
    return new Timeline(now, bars.stream().filter(filter).toList());
  }

  /** How many bars are in each state. */
  public Map<ExpiryState, Integer> counts() {
    Map<ExpiryState, Integer> counts = new EnumMap<>(ExpiryState.class);
    for (TimelineBar b : bars) {
      counts.merge(b.status().state(), 1, Integer::sum);
    }
    return counts;
  }

  /** How many bars are past their expected rotation point but still valid. */
  public long rotationOverdue() {
    return bars.stream().filter(b -> b.rotationOverdue(now)).count();
  }
}
