package dev.meshcert.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes one fuzz input from the seeds, deterministically: the same input seed always gives the same
 * bytes and the same recipe, so any failure can be replayed alone ({@code -Dfuzz.only=N}).
 */
final class Mutator {

  /** Mutated inputs are cut to this size: big enough for every limit in the readers to matter. */
  static final int MAX_INPUT_BYTES = 3 << 20;

  private static final byte[] INTERESTING = {
    0, (byte) 0xff, 0x7f, (byte) 0x80, 0x30, '-', '\n', '='
  };

  /** One fuzz input and how it was made. */
  record Mutant(byte[] bytes, String recipe) {}

  private final List<Seeds.Seed> seeds;

  Mutator(List<Seeds.Seed> seeds) {
    this.seeds = seeds;
  }

  Mutant mutate(long inputSeed) {
    Random r = new Random(inputSeed);
    Seeds.Seed seed = seeds.get(r.nextInt(seeds.size()));
    StringBuilder recipe = new StringBuilder(seed.name());
    byte[] b = seed.bytes();
    int count = 1 + (r.nextInt(3) == 0 ? r.nextInt(5) : 0);
    for (int i = 0; i < count; i++) {
      b = once(b, r, recipe);
      if (b.length > MAX_INPUT_BYTES) {
        b = Arrays.copyOf(b, MAX_INPUT_BYTES);
        recipe.append(" cut");
      }
    }
    return new Mutant(b, recipe.toString());
  }

  private byte[] once(byte[] b, Random r, StringBuilder recipe) {
    Asn1Mutations asn1 = new Asn1Mutations(r);
    TextMutations text = new TextMutations(r);
    boolean isText = Base64Runs.isText(b);
    int op = r.nextInt(16);
    String name = NAMES[op];
    recipe.append(" | ").append(name);
    byte[] out =
        switch (name) {
          case "bit-flip" -> inside(b, r, recipe, x -> bitFlip(x, r));
          case "interesting-byte" -> inside(b, r, recipe, x -> interesting(x, r));
          case "insert" -> inside(b, r, recipe, x -> insert(x, r));
          case "delete" -> inside(b, r, recipe, x -> delete(x, r));
          case "duplicate" -> inside(b, r, recipe, x -> duplicate(x, r));
          case "truncate" ->
              inside(b, r, recipe, x -> x.length < 2 ? x : Arrays.copyOf(x, r.nextInt(x.length)));
          case "asn1-length", "asn1-length-2" -> inside(b, r, recipe, asn1::absurdLength);
          case "asn1-node", "asn1-node-2" -> inside(b, r, recipe, x -> asn1.treeChange(x, recipe));
          case "nest" ->
              isText && r.nextBoolean() ? text.nest(b, recipe) : inside(b, r, recipe, asn1::nest);
          case "base64" -> text.corruptBase64(b, recipe);
          case "line-endings" -> isText ? text.lineEndings(b, recipe) : null;
          case "text" -> isText ? text.tweak(b, recipe) : null;
          case "splice" -> splice(b, r, recipe);
          default -> bitFlip(b, r);
        };
    if (out == null) {
      recipe.append("(fallback bit-flip)");
      return bitFlip(b, r);
    }
    return out;
  }

  private static final String[] NAMES = {
    "bit-flip", "interesting-byte", "insert", "delete", "duplicate", "truncate", "asn1-length",
    "asn1-length-2", "asn1-node", "asn1-node-2", "nest", "base64", "line-endings", "text",
    "splice", "bit-flip",
  };

  /**
   * Applies a byte-level mutation to the DER inside a base64 run of a text input (a PEM body, a
   * Secret's data, a kubeconfig's certificate-authority-data), two levels deep at most; to the
   * bytes themselves otherwise.
   */
  private byte[] inside(
      byte[] b, Random r, StringBuilder recipe, java.util.function.UnaryOperator<byte[]> op) {
    return inside(b, r, recipe, op, 0);
  }

  private byte[] inside(
      byte[] b,
      Random r,
      StringBuilder recipe,
      java.util.function.UnaryOperator<byte[]> op,
      int depth) {
    List<Base64Runs.Run> runs = depth < 2 && r.nextInt(5) != 0 ? Base64Runs.find(b) : List.of();
    if (runs.isEmpty()) {
      int[] embedded = depth < 2 && r.nextBoolean() ? EmbeddedDer.pick(b, r) : null;
      if (embedded != null) {
        recipe.append("(in DER at ").append(embedded[0]).append(')');
        byte[] slice = Arrays.copyOfRange(b, embedded[0], embedded[0] + embedded[1]);
        byte[] changed = op.apply(slice);
        return changed == null ? null : EmbeddedDer.replace(b, embedded, changed);
      }
      return op.apply(b);
    }
    Base64Runs.Run run = runs.get(r.nextInt(runs.size()));
    recipe.append("(in base64 at ").append(run.start()).append(')');
    byte[] changed = inside(run.decoded(), r, recipe, op, depth + 1);
    return changed == null ? null : Base64Runs.replace(b, run, changed);
  }

  private static byte[] bitFlip(byte[] b, Random r) {
    if (b.length == 0) {
      return new byte[] {(byte) r.nextInt(256)};
    }
    byte[] out = b.clone();
    int flips = 1 + r.nextInt(8);
    for (int i = 0; i < flips; i++) {
      out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
    }
    return out;
  }

  private static byte[] interesting(byte[] b, Random r) {
    if (b.length == 0) {
      return new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]};
    }
    byte[] out = b.clone();
    out[r.nextInt(out.length)] = INTERESTING[r.nextInt(INTERESTING.length)];
    return out;
  }

  private static byte[] insert(byte[] b, Random r) {
    byte[] add = new byte[1 + r.nextInt(16)];
    r.nextBytes(add);
    return splice(b, r.nextInt(b.length + 1), 0, add);
  }

  private static byte[] delete(byte[] b, Random r) {
    if (b.length < 2) {
      return b;
    }
    int at = r.nextInt(b.length);
    int n = 1 + r.nextInt(Math.min(b.length - at, r.nextBoolean() ? 8 : 512));
    return splice(b, at, n, new byte[0]);
  }

  /** A chunk copied elsewhere: once usually, sometimes thousands of times. */
  private static byte[] duplicate(byte[] b, Random r) {
    if (b.length == 0) {
      return b;
    }
    int at = r.nextInt(b.length);
    int n = 1 + r.nextInt(Math.min(b.length - at, 1024));
    int times = r.nextInt(4) == 0 ? Math.min(20_000, (1 << 20) / n) : 1;
    byte[] chunk = Arrays.copyOfRange(b, at, at + n);
    ByteArrayOutputStream many = new ByteArrayOutputStream(n * times);
    for (int i = 0; i < times; i++) {
      many.writeBytes(chunk);
    }
    return splice(b, r.nextInt(b.length + 1), 0, many.toByteArray());
  }

  /** Two seeds joined: head of one and tail of another, or one inside the other. */
  private byte[] splice(byte[] b, Random r, StringBuilder recipe) {
    Seeds.Seed other = seeds.get(r.nextInt(seeds.size()));
    recipe.append('(').append(other.name()).append(')');
    byte[] o = other.bytes();
    return switch (r.nextInt(3)) {
      case 0 -> {
        int head = r.nextInt(b.length + 1);
        int tail = r.nextInt(o.length + 1);
        yield splice(Arrays.copyOf(b, head), head, 0, Arrays.copyOfRange(o, tail, o.length));
      }
      case 1 -> TextMutations.concat(b, o);
      default -> splice(b, r.nextInt(b.length + 1), 0, o);
    };
  }

  /** {@code b} with {@code remove} bytes at {@code at} replaced by {@code add}. */
  private static byte[] splice(byte[] b, int at, int remove, byte[] add) {
    byte[] out = new byte[b.length - remove + add.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(add, 0, out, at, add.length);
    System.arraycopy(b, at + remove, out, at + add.length, b.length - at - remove);
    return out;
  }
}
