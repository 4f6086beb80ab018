package dev.meshcert.core.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex and digest helpers shared by the decoders. */
public final class Hex {
  private static final HexFormat LOWER = HexFormat.of();
  private static final HexFormat COLON = HexFormat.ofDelimiter(":").withUpperCase();
  private static final HexFormat LOWER_COLON = HexFormat.ofDelimiter(":");

  private Hex() {}

  /** Lowercase hex without separators. */
  public static String lower(byte[] bytes) {
    return LOWER.formatHex(bytes);
  }

  /** Uppercase hex with colons, as OpenSSL prints fingerprints ("AB:CD:..."). */
  public static String colons(byte[] bytes) {
    return COLON.formatHex(bytes);
  }

  /**
   * OpenSSL's hex dump: lowercase colon hex, {@code perLine} bytes a line, every line but the last
   * ending with a colon.
   */
  public static java.util.List<String> dumpLines(byte[] bytes, int perLine) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < bytes.length; i += perLine) {
      int end = Math.min(bytes.length, i + perLine);
      String line = LOWER_COLON.formatHex(bytes, i, end);
      out.add(end < bytes.length ? line + ":" : line);
    }
    return out;
  }

  /** Inserts colons into lowercase hex ("abcd" becomes "ab:cd"). */
  public static String colonize(String hex) {
    StringBuilder b = new StringBuilder(hex.length() * 3 / 2);
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        b.append(':');
      }
      b.append(hex, i, Math.min(i + 2, hex.length()));
    }
    return b.toString();
  }

  /** The digest of {@code bytes} with a JDK algorithm every JRE has ("SHA-256", "SHA-1"). */
  public static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JRE lacks " + algorithm, e);
    }
  }
}
