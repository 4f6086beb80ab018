package dev.meshcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StallStatsTest {

  @Test
  void saysTheLongestItsCpuThe99thPercentileAndTheStallsOver100Ms() {
    StallStats stats = new StallStats();
    for (int i = 0; i < 98; i++) {
      stats.add(0.4, 0.1);
    }
    stats.add(7.2, 2);
    stats.add(140.5, 30);

    assertEquals(
        "100 probes, longest 141 ms (fx-cpu 30 ms), p99 8 ms, 1 over 100 ms", stats.text());
  }

  @Test
  void countsAWaitBeyondAMinuteInTheLastBucket() {
    StallStats stats = new StallStats();
    stats.add(90_000, 5);

    assertEquals(60_000, stats.percentile(0.99));
  }
}
