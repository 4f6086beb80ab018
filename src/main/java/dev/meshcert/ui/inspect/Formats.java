package dev.meshcert.ui.inspect;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/** Text forms of values shown in the details pane. */
final class Formats {
  private Formats() {}

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** "2026-12-04 00:00:00 UTC". */
  static String instant(Instant instant) {
    return UTC.format(instant);
  }

  /** "ab12cd" as "AB:12:CD", the way openssl prints fingerprints. */
  static String colonHex(String hex) {
    String h = hex.length() % 2 == 0 ? hex : "0" + hex;
    StringBuilder b = new StringBuilder(h.length() * 3 / 2);
    for (int i = 0; i < h.length(); i += 2) {
      if (i > 0) {
        b.append(':');
      }
      b.append(h, i, i + 2);
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }

  /** The certificate as a PEM block. */
  static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }
}
