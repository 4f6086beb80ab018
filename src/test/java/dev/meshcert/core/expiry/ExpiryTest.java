package dev.meshcert.core.expiry;

import static dev.meshcert.testpki.TestPki.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpiryTest {

  private static Instant hours(long h) {
    return NOW.plus(Duration.ofHours(h));
  }

  private static Instant days(long d) {
    return NOW.plus(Duration.ofDays(d));
  }

  /** notBefore, notAfter, at, expected state, expected phrase. */
  static Stream<Arguments> defaultPolicy() {
    return Stream.of(
        Arguments.of(
            "fresh 24 h Istio cert",
            hours(-1),
            hours(23),
            NOW,
            ExpiryState.VALID,
            "expires in 23 h"),
        Arguments.of(
            "24 h cert at hour 19 (79%)",
            hours(-1), hours(23), hours(18), ExpiryState.VALID, "expires in 5 h"),
        Arguments.of(
            "24 h cert at hour 20 (83%)",
            hours(-1), hours(23), hours(19), ExpiryState.EXPIRING, "expires in 4 h"),
        Arguments.of(
            "10-year root with 2 years left",
            days(-2920),
            days(730),
            NOW,
            ExpiryState.VALID,
            "expires in 2 years"),
        Arguments.of(
            "10-year root with 31 days left",
            days(-3619),
            days(31),
            NOW,
            ExpiryState.VALID,
            "expires in 31 days"),
        Arguments.of(
            "10-year root with 20 days left",
            days(-3630),
            days(20),
            NOW,
            ExpiryState.EXPIRING,
            "expires in 20 days"),
        Arguments.of(
            "90-day cert with 20 days left",
            days(-70),
            days(20),
            NOW,
            ExpiryState.VALID,
            "expires in 20 days"),
        Arguments.of(
            "90-day cert with 17 days left",
            days(-73),
            days(17),
            NOW,
            ExpiryState.EXPIRING,
            "expires in 17 days"),
        Arguments.of(
            "expired 12 days ago",
            days(-377),
            days(-12),
            NOW,
            ExpiryState.EXPIRED,
            "expired 12 days ago"),
        Arguments.of(
            "expired one second ago",
            hours(-24),
            NOW.minusSeconds(1),
            NOW,
            ExpiryState.EXPIRED,
            "expired 1 s ago"),
        Arguments.of(
            "at notAfter (inclusive)",
            hours(-24),
            NOW,
            NOW,
            ExpiryState.EXPIRING,
            "expires in 0 s"),
        Arguments.of("at notBefore", NOW, days(365), NOW, ExpiryState.VALID, "expires in 365 days"),
        Arguments.of(
            "starts in 28 days",
            Instant.parse("2027-01-01T00:00:00Z"),
            days(400),
            NOW,
            ExpiryState.NOT_YET_VALID,
            "not valid until 2027-01-01 (in 28 days)"),
        Arguments.of(
            "starts in 3 hours",
            hours(3),
            days(400),
            NOW,
            ExpiryState.NOT_YET_VALID,
            "not valid until 2026-12-04 03:00 UTC (in 3 h)"),
        Arguments.of(
            "inverted, both past",
            days(-1),
            days(-2),
            NOW,
            ExpiryState.EXPIRED,
            "expired 2 days ago"),
        Arguments.of(
            "inverted, both future",
            days(3),
            days(2),
            NOW,
            ExpiryState.NOT_YET_VALID,
            "not valid until 2026-12-07 (in 3 days)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultPolicy")
  void judgesStateAndPhraseWithTheDefaultPolicy(
      String name,
      Instant notBefore,
      Instant notAfter,
      Instant at,
      ExpiryState state,
      String phrase) {
    ExpiryStatus s = Expiry.evaluate(notBefore, notAfter, at, ExpiryPolicy.DEFAULT);
    assertEquals(state, s.state());
    assertEquals(phrase, s.phrase());
  }

  static Stream<Arguments> elapsed() {
    return Stream.of(
        Arguments.of(hours(-1), hours(23), NOW, 4),
        Arguments.of(hours(-12), hours(12), NOW, 50),
        Arguments.of(days(-29), days(71), NOW, 29),
        Arguments.of(days(1), days(2), NOW, 0),
        Arguments.of(days(-2), days(-1), NOW, 100),
        Arguments.of(NOW, NOW, NOW, 100));
  }

  @ParameterizedTest(name = "{0}..{1} -> {3}%")
  @MethodSource("elapsed")
  void reportsTheShareOfLifetimeElapsed(
      Instant notBefore, Instant notAfter, Instant at, int percent) {
    assertEquals(
        percent, Expiry.evaluate(notBefore, notAfter, at, ExpiryPolicy.DEFAULT).percentElapsed());
  }

  @Test
  void reportsRemainingTimeNegativeOnceExpired() {
    ExpiryStatus s = Expiry.evaluate(days(-10), days(-3), NOW, ExpiryPolicy.DEFAULT);
    assertEquals(Duration.ofDays(-3), s.remaining());
  }

  @Test
  void honoursAStricterAbsoluteWindow() {
    ExpiryPolicy week = new ExpiryPolicy(Duration.ofDays(7), 0.5);
    assertEquals(ExpiryState.VALID, Expiry.evaluate(days(-3000), days(8), NOW, week).state());
    assertEquals(ExpiryState.EXPIRING, Expiry.evaluate(days(-3000), days(6), NOW, week).state());
  }

  @Test
  void honoursALowerLifetimeFraction() {
    ExpiryPolicy half = new ExpiryPolicy(Duration.ofDays(30), 0.5);
    assertEquals(ExpiryState.EXPIRING, Expiry.evaluate(hours(-13), hours(11), NOW, half).state());
    assertEquals(ExpiryState.VALID, Expiry.evaluate(hours(-11), hours(13), NOW, half).state());
  }

  @Test
  void neverCallsExpiringWhenTheLifetimeFractionIsOne() {
    ExpiryPolicy off = new ExpiryPolicy(Duration.ofDays(30), 1.0);
    assertEquals(ExpiryState.VALID, Expiry.evaluate(hours(-23), hours(1), NOW, off).state());
  }

  @Test
  void takesTheShorterWindow() {
    assertEquals(Duration.ofDays(30), ExpiryPolicy.DEFAULT.window(Duration.ofDays(3650)));
    assertEquals(Duration.ofMinutes(288), ExpiryPolicy.DEFAULT.window(Duration.ofHours(24)));
    assertEquals(Duration.ZERO, ExpiryPolicy.DEFAULT.window(Duration.ofHours(-1)));
  }

  @Test
  void evaluatesADecodedCertificate() {
    TestPki pki = new TestPki();
    TestPki.Issued root = pki.root("CN=Root").issue();
    CertificateFacts leaf =
        pki.leaf(root).uriSan("spiffe://cluster.local/ns/a/sa/b").issue().facts();

    ExpiryStatus s = Expiry.evaluate(leaf, hours(20), ExpiryPolicy.DEFAULT);

    assertEquals(ExpiryState.EXPIRING, s.state());
    assertEquals("expires in 3 h", s.phrase());
    assertEquals(87, s.percentElapsed());
  }
}
