package dev.meshcert.core.cert;

import java.util.Arrays;

/** IP addresses and address/mask pairs (name constraints) as text. */
final class IpText {
  private IpText() {}

  /** A subjectAltName address: as {@link #canonical} when 4 or 16 bytes, else flagged. */
  static String sanAddress(byte[] b) {
    return b.length == 4 || b.length == 16 ? address(b) : "<invalid length=" + b.length + ">";
  }

  /**
   * A name-constraints range as OpenSSL prints it: address and mask, each in {@link #openssl} form;
   * OpenSSL's split for wrong lengths is kept so broken constraints show as broken.
   */
  static String opensslRange(byte[] b) {
    int first = b.length >= 16 ? 16 : b.length >= 4 ? 4 : b.length;
    return openssl(Arrays.copyOfRange(b, 0, first))
        + "/"
        + openssl(Arrays.copyOfRange(b, first, b.length));
  }

  /** OpenSSL's form of one address: IPv6 as eight uppercase groups without compression. */
  static String openssl(byte[] b) {
    if (b.length == 4) {
      return address(b);
    }
    if (b.length == 16) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 16; i += 2) {
        if (i > 0) {
          s.append(':');
        }
        s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)).toUpperCase());
      }
      return s.toString();
    }
    return "<invalid length=" + b.length + ">";
  }

  private static String address(byte[] b) {
    if (b.length == 4) {
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLen - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(g[i]));
    }
    return s.toString();
  }
}
