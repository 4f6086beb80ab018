package dev.meshcert.core.finding;

import java.time.Duration;

/** Durations as people read them in explanations. */
final class Durations {
  private Durations() {}

  /** "24 h 2 min", "90 days", "45 s". */
  static String human(Duration d) {
    if (d.isNegative()) {
      return "-" + human(d.negated());
    }
    long days = d.toDays();
    if (days >= 3) {
      return days + " days";
    }
    long hours = d.toHours();
    long minutes = d.toMinutesPart();
    if (hours > 0) {
      return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }
}
