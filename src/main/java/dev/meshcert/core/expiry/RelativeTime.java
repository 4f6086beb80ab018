package dev.meshcert.core.expiry;

import java.time.Duration;
import java.time.Instant;

/**
 * Durations as short text for people: "42 s", "17 min", "3 h", "12 days", "2.5 years".
 *
 * <p>Units: seconds below a minute, minutes below an hour, hours below 48 hours (so a 24-hour
 * workload certificate reads "23 h", not "0 days"), days below two years, then years (one decimal
 * below ten years; a year counts 365 days). Values are rounded down, so the text never promises
 * more time than there is. Because hours run to 48 and days to 730, "days" and "years" are always
 * plural. Thread-safe, stateless.
 */
public final class RelativeTime {

  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long YEAR_DAYS = 365;

  private RelativeTime() {}

  /** The length of {@code d}, ignoring its sign, such as "3 h"; never null. */
  public static String format(Duration d) {
    long s = d.abs().getSeconds();
    if (s < MINUTE) {
      return s + " s";
    }
    if (s < HOUR) {
      return s / MINUTE + " min";
    }
    if (s < 48 * HOUR) {
      return s / HOUR + " h";
    }
    long days = s / DAY;
    if (days < 730) {
      return days + " days";
    }
    double years = (double) days / YEAR_DAYS;
    if (years >= 10) {
      return (long) years + " years";
    }
    long tenths = (long) (years * 10);
    return tenths % 10 == 0 ? tenths / 10 + " years" : tenths / 10 + "." + tenths % 10 + " years";
  }

  /**
   * Where {@code t} lies seen from {@code reference}: "in 3 h", "12 days ago", or "now" when they
   * are less than a second apart; never null.
   */
  public static String relative(Instant reference, Instant t) {
    Duration d = Duration.between(reference, t);
    if (d.abs().getSeconds() == 0) {
      return "now";
    }
    return d.isNegative() ? format(d) + " ago" : "in " + format(d);
  }
}
