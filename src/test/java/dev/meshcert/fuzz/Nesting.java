package dev.meshcert.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Deeply nested structures, built iteratively (the harness itself must not overflow). */
final class Nesting {

  private Nesting() {}

  /** {@code depth} definite-length SEQUENCEs around {@code inner}. */
  static byte[] derSequences(byte[] inner, int depth) {
    byte[][] headers = new byte[depth][];
    long length = inner.length;
    for (int i = depth - 1; i >= 0; i--) {
      byte[] len = DerTree.length(length);
      byte[] h = new byte[len.length + 1];
      h[0] = 0x30;
      System.arraycopy(len, 0, h, 1, len.length);
      headers[i] = h;
      length += h.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) length);
    for (byte[] h : headers) {
      out.writeBytes(h);
    }
    out.writeBytes(inner);
    return out.toByteArray();
  }

  /** {@code depth} indefinite-length (BER) SEQUENCEs around {@code inner}. */
  static byte[] berIndefinite(byte[] inner, int depth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(inner.length + 4 * depth);
    for (int i = 0; i < depth; i++) {
      out.write(0x30);
      out.write(0x80);
    }
    out.writeBytes(inner);
    for (int i = 0; i < depth; i++) {
      out.write(0);
      out.write(0);
    }
    return out.toByteArray();
  }

  /** {@code [[[...]]]}: a JSON array, also YAML flow style. */
  static byte[] jsonArrays(int depth) {
    return (repeat("[", depth) + repeat("]", depth)).getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code {"a":{"a":...1...}}}. */
  static byte[] jsonObjects(int depth) {
    return (repeat("{\"a\":", depth) + "1" + repeat("}", depth))
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code - - - - x}: nested YAML block sequences on one line. */
  static byte[] yamlBlockSequences(int depth) {
    return (repeat("- ", depth) + "x\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** {@code {a: {a: ... }}}: YAML flow mappings. */
  static byte[] yamlFlowMappings(int depth) {
    return (repeat("{a: ", depth) + "b" + repeat("}", depth)).getBytes(StandardCharsets.US_ASCII);
  }

  /** The "billion laughs": each alias level multiplies the size by ten. */
  static byte[] yamlAliasBomb(int levels) {
    StringBuilder b = new StringBuilder("a0: &a0 [\"lol\"]\n");
    for (int i = 1; i <= levels; i++) {
      b.append('a').append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        b.append(j == 0 ? "" : ",").append("*a").append(i - 1);
      }
      b.append("]\n");
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static String repeat(String s, int n) {
    return s.repeat(n);
  }
}
