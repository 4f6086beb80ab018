package dev.meshcert.core.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeTimeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "PT0S, 0 s",
    "PT0.9S, 0 s",
    "PT59S, 59 s",
    "PT60S, 1 min",
    "PT59M59S, 59 min",
    "PT1H, 1 h",
    "PT3H59M, 3 h",
    "PT47H59M, 47 h",
    "PT48H, 2 days",
    "P12DT23H, 12 days",
    "P729D, 729 days",
    "P730D, 2 years",
    "P912D, 2.4 years",
    "P3649D, 9.9 years",
    "P3650D, 10 years",
    "P33215D, 91 years",
    "-PT3H, 3 h",
    "-P12D, 12 days"
  })
  void picksAReadableUnitAndRoundsDown(Duration d, String expected) {
    assertEquals(expected, RelativeTime.format(d));
  }

  @Test
  void saysInForTheFuture() {
    Instant now = Instant.parse("2026-12-04T00:00:00Z");
    assertEquals("in 3 h", RelativeTime.relative(now, now.plusSeconds(3 * 3600 + 5)));
  }

  @Test
  void saysAgoForThePast() {
    Instant now = Instant.parse("2026-12-04T00:00:00Z");
    assertEquals("12 days ago", RelativeTime.relative(now, now.minus(Duration.ofDays(12))));
  }

  @Test
  void saysNowWithinASecond() {
    Instant now = Instant.parse("2026-12-04T00:00:00Z");
    assertEquals("now", RelativeTime.relative(now, now.plusMillis(400)));
  }
}
