package dev.meshcert.core.cert;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The signed certificate timestamp list of RFC 6962 section 3.3 (the TLS-encoded contents of the
 * "CT Precertificate SCTs" extension) as OpenSSL prints it.
 */
final class SctText {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss.SSS uuuu 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final String[] HASHES = {"none", "MD5", "SHA1", "SHA224", "SHA256", "SHA384"};
  private static final String CONTINUATION = " ".repeat(16);

  private SctText() {}

  /**
   * Lines for the list; throws IllegalArgumentException or BufferUnderflowException when the
   * encoding is broken.
   */
  static List<String> lines(byte[] tls) {
    ByteBuffer in = ByteBuffer.wrap(tls);
    int total = u16(in);
    if (total != in.remaining()) {
      throw new IllegalArgumentException("SCT list length " + total + " != " + in.remaining());
    }
    List<String> out = new ArrayList<>();
    while (in.hasRemaining()) {
      ByteBuffer sct = ByteBuffer.wrap(bytes(in, u16(in)));
      out.add("Signed Certificate Timestamp:");
      int version = sct.get() & 0xff;
      if (version != 0) {
        out.add("    Version   : unknown (0x" + Integer.toHexString(version) + ")");
        continue;
      }
      out.add("    Version   : v1 (0x0)");
      block(out, "    Log ID    : ", bytes(sct, 32));
      out.add("    Timestamp : " + TIME.format(Instant.ofEpochMilli(sct.getLong())));
      byte[] ext = bytes(sct, u16(sct));
      if (ext.length == 0) {
        out.add("    Extensions: none");
      } else {
        block(out, "    Extensions: ", ext);
      }
      int hash = sct.get() & 0xff;
      int sig = sct.get() & 0xff;
      out.add("    Signature : " + algorithm(hash, sig));
      block(out, "                ", bytes(sct, u16(sct)));
    }
    return out;
  }

  private static String algorithm(int hash, int sig) {
    String h = hash < HASHES.length ? HASHES[hash] : "unknown";
    return switch (sig) {
      case 1 -> h.toLowerCase(Locale.ROOT) + "WithRSAEncryption";
      case 3 -> "ecdsa-with-" + h;
      default -> h + " with unknown signature " + sig;
    };
  }

  /** Uppercase colon hex, 16 bytes a line; the first line after {@code label}. */
  private static void block(List<String> out, String label, byte[] b) {
    for (int i = 0; i < b.length; i += 16) {
      byte[] part = Arrays.copyOfRange(b, i, Math.min(b.length, i + 16));
      String hex = Hex.colons(part) + (i + 16 < b.length ? ":" : "");
      out.add((i == 0 ? label : CONTINUATION) + hex);
    }
  }

  private static int u16(ByteBuffer in) {
    return in.getShort() & 0xffff;
  }

  private static byte[] bytes(ByteBuffer in, int n) {
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }
}
