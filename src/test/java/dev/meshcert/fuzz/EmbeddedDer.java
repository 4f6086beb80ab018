package dev.meshcert.fuzz;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * DER certificates and keys inside a binary container that is not itself DER (a JKS stores each
 * certificate after a 4-byte length): found by scanning for well-formed SEQUENCEs, replaced with
 * the 4-byte length prefix kept right when there is one.
 */
final class EmbeddedDer {

  private EmbeddedDer() {}

  /** {offset, length} of a random embedded SEQUENCE of 64 bytes or more that is not the whole. */
  static int[] pick(byte[] b, Random r) {
    List<int[]> found = new ArrayList<>();
    for (int p = 1; p + 4 < b.length && found.size() < 200; p++) {
      if (b[p] != 0x30 || (b[p + 1] & 0xff) != 0x82) {
        continue;
      }
      int length = 4 + ((b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff));
      if (length >= 64 && p + length <= b.length) {
        byte[] slice = java.util.Arrays.copyOfRange(b, p, p + length);
        if (DerTree.parse(slice).isPresent()) {
          found.add(new int[] {p, length});
          p += length - 1;
        }
      }
    }
    return found.isEmpty() ? null : found.get(r.nextInt(found.size()));
  }

  static byte[] replace(byte[] b, int[] at, byte[] changed) {
    int p = at[0];
    int n = at[1];
    ByteBuffer out = ByteBuffer.allocate(b.length - n + changed.length);
    boolean prefixed = p >= 4 && ByteBuffer.wrap(b, p - 4, 4).getInt() == n;
    if (prefixed) {
      out.put(b, 0, p - 4).putInt(changed.length);
    } else {
      out.put(b, 0, p);
    }
    out.put(changed).put(b, p + n, b.length - p - n);
    return out.array();
  }
}
