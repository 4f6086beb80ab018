package dev.meshcert.app;

import java.util.Locale;

/**
 * The waits of {@link StallProbe}'s probes in one phase: how many, the longest with the FX thread's
 * CPU time in it, how many over 100 ms, and a histogram of 1 ms buckets (up to a minute) for the
 * 99th percentile. Not thread-safe: one writer, read once it is done.
 */
final class StallStats {

  private final int[] histogram = new int[60_001];
  private int count;
  private int over100;
  private double longest;
  private double longestCpu;

  void add(double wallMillis, double cpuMillis) {
    count++;
    histogram[(int) Math.min(histogram.length - 1, Math.ceil(wallMillis))]++;
    if (wallMillis > 100) {
      over100++;
    }
    if (wallMillis > longest) {
      longest = wallMillis;
      longestCpu = cpuMillis;
    }
  }

  /** The smallest whole millisecond that at least {@code fraction} of the waits stay within. */
  long percentile(double fraction) {
    long wanted = (long) Math.ceil(count * fraction);
    long seen = 0;
    for (int ms = 0; ms < histogram.length; ms++) {
      seen += histogram[ms];
      if (seen >= wanted && seen > 0) {
        return ms;
      }
    }
    return 0;
  }

  String text() {
    return String.format(
        Locale.ROOT,
        "%d probes, longest %.0f ms (fx-cpu %.0f ms), p99 %d ms, %d over 100 ms",
        count,
        longest,
        longestCpu,
        percentile(0.99),
        over100);
  }
}
