package dev.meshcert.core.cert;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;

/**
 * Turns a certificate's validity time into an instant. The forms RFC 5280 prescribes ({@code
 * YYMMDDHHMMSSZ} UTCTime, {@code YYYYMMDDHHMMSSZ} GeneralizedTime) with in-range fields are read
 * directly; anything else (offsets, fractions, missing seconds, out-of-range fields that a lenient
 * parser rolls over, years before 1900 where the Julian calendar differs) is left to Bouncy
 * Castle's {@link Time#getDate()}, so the result is always the one Bouncy Castle gives. Bouncy
 * Castle parses every time with a new {@code SimpleDateFormat}, which dominated decoding profiles.
 */
final class ValidityTimes {

  private ValidityTimes() {}

  static Instant instant(Time time) {
    ASN1Primitive p = time.toASN1Primitive();
    Instant direct = null;
    if (p instanceof ASN1UTCTime utc) {
      direct = canonical(utc.toString(), true);
    } else if (p instanceof ASN1GeneralizedTime generalized) {
      direct = canonical(generalized.getTimeString(), false);
    }
    return direct != null ? direct : time.getDate().toInstant();
  }

  /** The instant of a canonical time string, or null when it is not one. */
  static Instant canonical(String s, boolean utcTime) {
    int length = utcTime ? 13 : 15;
    if (s.length() != length || s.charAt(length - 1) != 'Z') {
      return null;
    }
    for (int i = 0; i < length - 1; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    int year;
    int i;
    if (utcTime) {
      int yy = number(s, 0);
      year = yy < 50 ? 2000 + yy : 1900 + yy; // RFC 5280 §4.1.2.5.1, as Bouncy Castle reads it
      i = 2;
    } else {
      year = number(s, 0) * 100 + number(s, 2);
      i = 4;
    }
    if (year < 1900) {
      return null;
    }
    try {
      return LocalDateTime.of(
              year,
              number(s, i),
              number(s, i + 2),
              number(s, i + 4),
              number(s, i + 6),
              number(s, i + 8))
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int number(String s, int at) {
    return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
  }
}
