package dev.meshcert.core.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidityTimesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "261204000000Z",
        "491231235959Z",
        "500101000000Z",
        "991231235959Z",
        "000229120000Z",
        "280229000000Z",
        "261304000000Z",
        "260231000000Z",
        "261204240000Z",
        "261204235960Z",
        "2612041200Z",
        "261204120000+0100"
      })
  void readsUtcTimeAsBouncyCastleDoes(String text) {
    Time time = new Time(new ASN1UTCTime(text));

    assertEquals(time.getDate().toInstant(), ValidityTimes.instant(time));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20261204000000Z",
        "99991231235959Z",
        "19000101000000Z",
        "18991231235959Z",
        "15821004000000Z",
        "00010101000000Z",
        "20250229000000Z",
        "20261204000000.5Z",
        "20261204000000.123Z",
        "202612041200Z",
        "20261204120000+0130"
      })
  void readsGeneralizedTimeAsBouncyCastleDoes(String text) {
    Time time = new Time(new ASN1GeneralizedTime(text));

    assertEquals(time.getDate().toInstant(), ValidityTimes.instant(time));
  }

  @ParameterizedTest
  @ValueSource(strings = {"261304000000Z", "2612041200Z", "26120400000OZ"})
  void leavesNonCanonicalUtcTimesToBouncyCastle(String text) {
    assertNull(ValidityTimes.canonical(text, true));
  }

  @Test
  void readsTheCanonicalFormDirectly() {
    assertEquals(
        Instant.parse("2049-12-31T23:59:59Z"), ValidityTimes.canonical("491231235959Z", true));
  }
}
