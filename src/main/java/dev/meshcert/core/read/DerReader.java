package dev.meshcert.core.read;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads binary DER certificates: one, or several back to back with no separator (as SPIRE's
 * fixtures have them). Each object is measured by a bounded structural walk before it is decoded,
 * so a truncated or absurd length is a problem, never a hang. Stateless and thread-safe.
 */
public final class DerReader implements FormatReader {

  @Override
  public InputFormat format() {
    return InputFormat.DER;
  }

  /** A SEQUENCE with a long-form length: every certificate is longer than 127 bytes. */
  @Override
  public boolean accepts(byte[] content) {
    return looksLikeDerSequence(content);
  }

  static boolean looksLikeDerSequence(byte[] b) {
    return b.length >= 4 && b[0] == 0x30 && (b[1] & 0xff) >= 0x81 && (b[1] & 0xff) <= 0x84;
  }

  @Override
  public Source read(String name, byte[] content, PasswordProvider passwords) {
    Findings found = new Findings();
    readInto(content, found);
    return found.source(name, InputFormat.DER);
  }

  /**
   * Adds every certificate of concatenated DER to {@code found}. A single object has location "";
   * several are "certificate N at byte X".
   */
  static void readInto(byte[] content, Findings found) {
    int offset = 0;
    int n = 0;
    boolean several = false;
    while (offset < content.length) {
      if (n > 0 && isPadding(content, offset)) {
        return;
      }
      n++;
      int length;
      try {
        length = Der.objectLength(content, offset, content.length);
      } catch (IOException e) {
        found.problem(n == 1 && offset == 0 ? "" : location(n, offset), e.getMessage());
        return;
      }
      several |= n > 1 || !isPadding(content, offset + length);
      String location = several ? location(n, offset) : "";
      if (content[offset] != 0x30) {
        found.problem(
            location(n, offset),
            "not a certificate: "
                + (content.length - offset)
                + " bytes of other data after "
                + (n - 1)
                + (n == 2 ? " certificate" : " certificates"));
        return;
      }
      found.certificate(Arrays.copyOfRange(content, offset, offset + length), location, Map.of());
      offset += length;
    }
  }

  private static String location(int n, int offset) {
    return "certificate " + n + " at byte " + offset;
  }

  /** Trailing newlines, spaces or zero bytes after the last certificate are not data. */
  private static boolean isPadding(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] != 0 && b[i] != '\n' && b[i] != '\r' && b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
