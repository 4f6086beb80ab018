package dev.meshcert.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Mutations that know DER: absurd length fields, and changes to one node of the parsed tree. */
final class Asn1Mutations {

  private static final byte[][] ABSURD_LENGTHS = {
    {(byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
    {(byte) 0x84, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},
    {(byte) 0x88, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0},
    {(byte) 0x83, (byte) 0xff, (byte) 0xff, (byte) 0xff},
    {(byte) 0x82, (byte) 0xff, (byte) 0xff},
    {(byte) 0x80},
    {(byte) 0xff},
    {(byte) 0x85, 1, 0, 0, 0, 0},
    {0},
  };

  private static final byte[][] INTEGERS = {
    {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
    {0x00, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},
    {0x01, 0, 0, 0, 0},
    {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f},
    {(byte) 0x80},
    {(byte) 0xff},
    {0},
    {},
    {0, 0, 0, 1},
    {0x01, 0, 0},
  };

  private static final String[] TIMES = {
    "991231235959Z",
    "000000000000Z",
    "20501301000000Z",
    "",
    "9",
    "YYMMDDHHMMSSZ",
    "19700101000000+0000",
    "99991231235959Z",
    "500101000000Z",
    "0001010000Z",
    "20261204000000.123Z",
  };

  private static final int[] PRIMITIVE_TAGS = {
    0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0a, 0x0c, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1c, 0x1e, 0x80,
    0x81, 0x82, 0x86, 0x87, 0x88, 0x1f,
  };

  private static final int[] CONSTRUCTED_TAGS = {
    0x30, 0x31, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0x24, 0x23, 0x3f,
  };

  private static final int[] DEPTHS = {64, 65, 100, 1000, 10_000, 50_000};

  private final Random r;

  Asn1Mutations(Random r) {
    this.r = r;
  }

  /** One length field set to an absurd value, parents left alone. */
  byte[] absurdLength(byte[] b) {
    List<int[]> fields = DerTree.lengthFields(b);
    if (fields.isEmpty()) {
      return null;
    }
    int[] f = fields.get(r.nextInt(fields.size()));
    byte[] replacement;
    if (r.nextInt(4) == 0) {
      replacement = DerTree.length(Math.max(0, b.length - f[0] + r.nextInt(5) - 2));
    } else {
      replacement = ABSURD_LENGTHS[r.nextInt(ABSURD_LENGTHS.length)];
    }
    byte[] out = new byte[b.length - f[1] + replacement.length];
    System.arraycopy(b, 0, out, 0, f[0]);
    System.arraycopy(replacement, 0, out, f[0], replacement.length);
    System.arraycopy(b, f[0] + f[1], out, f[0] + replacement.length, b.length - f[0] - f[1]);
    return out;
  }

  /** One node of the tree changed, the whole tree encoded again with consistent lengths. */
  byte[] treeChange(byte[] b, StringBuilder recipe) {
    Optional<DerTree.Node> parsed = DerTree.parse(b);
    if (parsed.isEmpty()) {
      return null;
    }
    List<DerTree.Node> nodes = DerTree.flatten(parsed.get());
    DerTree.Node n = nodes.get(r.nextInt(nodes.size()));
    String what = n.isConstructed() ? constructed(n) : primitive(n);
    recipe.append('(').append(what).append(" tag ").append(Integer.toHexString(n.tagByte()));
    recipe.append(')');
    return DerTree.encode(parsed.get());
  }

  private String constructed(DerTree.Node n) {
    List<DerTree.Node> c = n.children;
    switch (r.nextInt(7)) {
      case 0 -> {
        if (!c.isEmpty()) {
          c.remove(r.nextInt(c.size()));
        }
        return "drop-child";
      }
      case 1 -> {
        if (!c.isEmpty()) {
          DerTree.Node copy = c.get(r.nextInt(c.size()));
          int times = r.nextInt(3) == 0 ? 2 + r.nextInt(2000) : 1;
          byte[] enc = DerTree.encode(copy);
          for (int i = 0; i < times && i * enc.length < (1 << 20); i++) {
            c.add(r.nextInt(c.size() + 1), copy);
          }
        }
        return "duplicate-child";
      }
      case 2 -> {
        Collections.shuffle(c, r);
        return "shuffle-children";
      }
      case 3 -> {
        n.tag = new byte[] {(byte) CONSTRUCTED_TAGS[r.nextInt(CONSTRUCTED_TAGS.length)]};
        return "retag";
      }
      case 4 -> {
        n.raw = nest(DerTree.encode(n));
        return "nest";
      }
      case 5 -> {
        c.clear();
        return "empty";
      }
      default -> {
        DerTree.Node garbage = new DerTree.Node();
        garbage.tag = new byte[] {(byte) PRIMITIVE_TAGS[r.nextInt(PRIMITIVE_TAGS.length)]};
        garbage.content = randomBytes(r.nextInt(40));
        c.add(r.nextInt(c.size() + 1), garbage);
        return "add-child";
      }
    }
  }

  private String primitive(DerTree.Node n) {
    switch (r.nextInt(6)) {
      case 0 -> {
        n.content = INTEGERS[r.nextInt(INTEGERS.length)].clone();
        if (r.nextBoolean()) {
          n.content = randomBytes(r.nextInt(40));
        }
        return "integer";
      }
      case 1 -> {
        n.content = TIMES[r.nextInt(TIMES.length)].getBytes(StandardCharsets.US_ASCII);
        return "time";
      }
      case 2 -> {
        n.tag = new byte[] {(byte) PRIMITIVE_TAGS[r.nextInt(PRIMITIVE_TAGS.length)]};
        if (n.tag[0] == 0x1f) {
          n.tag = new byte[] {0x1f, (byte) 0x81, (byte) 0x80, 0x01};
        }
        return "retag";
      }
      case 3 -> {
        n.content =
            n.content.length == 0
                ? n.content
                : java.util.Arrays.copyOf(n.content, r.nextInt(n.content.length));
        return "truncate-content";
      }
      case 4 -> {
        n.raw = nest(DerTree.encode(n));
        return "nest";
      }
      default -> {
        n.content = randomBytes(r.nextInt(2) == 0 ? n.content.length : r.nextInt(300));
        return "random-content";
      }
    }
  }

  /** The node wrapped in thousands of SEQUENCEs, definite or indefinite. */
  byte[] nest(byte[] inner) {
    int depth = DEPTHS[r.nextInt(DEPTHS.length)];
    return r.nextBoolean()
        ? Nesting.derSequences(inner, depth)
        : Nesting.berIndefinite(inner, depth);
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }
}
