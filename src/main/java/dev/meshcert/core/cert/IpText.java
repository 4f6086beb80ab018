package dev.meshcert.core.cert;

import java.util.Arrays;

/** IP addresses and address/mask pairs (name constraints) as text. */
final class IpText {
  private IpText() {}

  /**
   * An address as people and pyca/cryptography write it: dotted quad, RFC 5952 for IPv6
   * ("2001:db8::1"); 8 or 32 bytes (address and mask, valid only in name constraints) as
   * "192.0.2.0/24"; other lengths as "<invalid length=N>".
   */
  static String canonical(byte[] b) {
    if (b.length == 4 || b.length == 16) {
      return address(b);
    }
    if (b.length == 8 || b.length == 32) {
      byte[] mask = Arrays.copyOfRange(b, b.length / 2, b.length);
      String addr = address(Arrays.copyOfRange(b, 0, b.length / 2));
      int prefix = prefix(mask);
      return addr + "/" + (prefix >= 0 ? String.valueOf(prefix) : address(mask));
    }
    return "<invalid length=" + b.length + ">";
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

  /** The prefix length of a contiguous mask, or -1 when the mask has holes. */
  private static int prefix(byte[] mask) {
    int bits = 0;
    boolean ended = false;
    for (byte m : mask) {
      for (int i = 7; i >= 0; i--) {
        boolean set = ((m >> i) & 1) == 1;
        if (set && ended) {
          return -1;
        }
        bits += set ? 1 : 0;
        ended |= !set;
      }
    }
    return bits;
  }
}
