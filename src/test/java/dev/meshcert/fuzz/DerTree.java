package dev.meshcert.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small DER tree for structure-aware mutation: parse well-formed DER (definite lengths), change a
 * node, encode again with every enclosing length recomputed. OCTET STRING and BIT STRING contents
 * that are themselves DER (PKCS#12 safe contents, extension values, public keys) are parsed as
 * children too, so mutations reach inside them.
 */
final class DerTree {

  private static final int MAX_DEPTH = 40;

  /** One TLV. Either {@code children} (constructed or encapsulating) or {@code content}. */
  static final class Node {
    byte[] tag;
    byte[] content;
    List<Node> children;

    /** For an encapsulating BIT STRING: the unused-bits byte before the encapsulated DER. */
    int bitStringPrefix = -1;

    /** Pre-encoded bytes that replace the whole node (used for huge generated subtrees). */
    byte[] raw;

    boolean isConstructed() {
      return children != null;
    }

    int tagByte() {
      return tag[0] & 0xff;
    }
  }

  private DerTree() {}

  /** The tree of {@code der} when it is exactly one well-formed DER object, else empty. */
  static Optional<Node> parse(byte[] der) {
    try {
      int[] end = new int[1];
      Node n = parse(der, 0, der.length, 0, end);
      return end[0] == der.length ? Optional.of(n) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Node parse(byte[] b, int pos, int limit, int depth, int[] end) {
    if (depth > MAX_DEPTH || pos >= limit) {
      throw new IllegalArgumentException("depth or end");
    }
    int start = pos;
    int first = b[pos++] & 0xff;
    if ((first & 0x1f) == 0x1f) {
      while (pos < limit && (b[pos] & 0x80) != 0) {
        pos++;
      }
      pos++;
    }
    if (pos >= limit) {
      throw new IllegalArgumentException("no length");
    }
    byte[] tag = java.util.Arrays.copyOfRange(b, start, pos);
    int lenByte = b[pos++] & 0xff;
    int length;
    if (lenByte < 0x80) {
      length = lenByte;
    } else {
      int n = lenByte & 0x7f;
      if (n == 0 || n > 3) {
        throw new IllegalArgumentException("length form");
      }
      length = 0;
      for (int i = 0; i < n; i++) {
        if (pos >= limit) {
          throw new IllegalArgumentException("truncated length");
        }
        length = (length << 8) | (b[pos++] & 0xff);
      }
    }
    if (pos + length > limit) {
      throw new IllegalArgumentException("too long");
    }
    Node node = new Node();
    node.tag = tag;
    int contentEnd = pos + length;
    if ((first & 0x20) != 0) {
      node.children = children(b, pos, contentEnd, depth);
    } else if (first == 0x04 && length > 1 && isConstructedTag(b[pos])) {
      node.children = encapsulated(b, pos, contentEnd, depth);
    } else if (first == 0x03 && length > 2 && b[pos] == 0 && isConstructedTag(b[pos + 1])) {
      node.children = encapsulated(b, pos + 1, contentEnd, depth);
      if (node.children != null) {
        node.bitStringPrefix = 0;
      }
    }
    if (node.children == null) {
      node.content = java.util.Arrays.copyOfRange(b, pos, contentEnd);
    }
    end[0] = contentEnd;
    return node;
  }

  private static boolean isConstructedTag(byte t) {
    return (t & 0x20) != 0;
  }

  private static List<Node> children(byte[] b, int pos, int end, int depth) {
    List<Node> list = new ArrayList<>();
    int[] next = new int[1];
    while (pos < end) {
      list.add(parse(b, pos, end, depth + 1, next));
      pos = next[0];
    }
    return list;
  }

  private static List<Node> encapsulated(byte[] b, int pos, int end, int depth) {
    try {
      return children(b, pos, end, depth);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Every node, parents before children. */
  static List<Node> flatten(Node root) {
    List<Node> all = new ArrayList<>();
    List<Node> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      Node n = stack.remove(stack.size() - 1);
      all.add(n);
      if (n.children != null && n.raw == null) {
        for (int i = n.children.size() - 1; i >= 0; i--) {
          stack.add(n.children.get(i));
        }
      }
    }
    return all;
  }

  /** Encodes the tree with definite lengths computed from the (possibly changed) contents. */
  static byte[] encode(Node n) {
    if (n.raw != null) {
      return n.raw;
    }
    byte[] content;
    if (n.children != null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (n.bitStringPrefix >= 0) {
        out.write(n.bitStringPrefix);
      }
      for (Node c : n.children) {
        out.writeBytes(encode(c));
      }
      content = out.toByteArray();
    } else {
      content = n.content;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 8);
    out.writeBytes(n.tag);
    out.writeBytes(length(content.length));
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** The DER length octets for {@code n}. */
  static byte[] length(long n) {
    if (n < 0x80) {
      return new byte[] {(byte) n};
    }
    int bytes = 0;
    for (long v = n; v > 0; v >>>= 8) {
      bytes++;
    }
    byte[] out = new byte[bytes + 1];
    out[0] = (byte) (0x80 | bytes);
    for (int i = bytes; i > 0; i--) {
      out[i] = (byte) n;
      n >>>= 8;
    }
    return out;
  }

  /**
   * Where the length octets of every TLV header start, found by a lenient walk that descends into
   * constructed objects; for mutating raw lengths without fixing their parents.
   */
  static List<int[]> lengthFields(byte[] b) {
    List<int[]> found = new ArrayList<>();
    walk(b, 0, b.length, 0, found);
    return found;
  }

  private static void walk(byte[] b, int pos, int end, int depth, List<int[]> found) {
    while (pos < end && depth <= MAX_DEPTH && found.size() < 10_000) {
      int first = b[pos] & 0xff;
      int p = pos + 1;
      if ((first & 0x1f) == 0x1f) {
        while (p < end && (b[p] & 0x80) != 0) {
          p++;
        }
        p++;
      }
      if (p >= end) {
        return;
      }
      int lenAt = p;
      int lenByte = b[p++] & 0xff;
      long length;
      int lenBytes = 1;
      if (lenByte < 0x80) {
        length = lenByte;
      } else {
        int n = lenByte & 0x7f;
        if (n == 0 || n > 4 || p + n > end) {
          return;
        }
        length = 0;
        for (int i = 0; i < n; i++) {
          length = (length << 8) | (b[p++] & 0xff);
        }
        lenBytes += n;
      }
      found.add(new int[] {lenAt, lenBytes});
      if (p + length > end) {
        return;
      }
      if ((first & 0x20) != 0) {
        walk(b, p, (int) (p + length), depth + 1, found);
      }
      pos = (int) (p + length);
    }
  }
}
