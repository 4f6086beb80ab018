package dev.meshcert.core.chain;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA verification for an issuer key that signs many certificates (the intermediates of a mesh
 * sign thousands of workload leaves): {@code u1·G + u2·Q} computed with fixed-base comb tables for
 * both the curve's generator and the issuer's key, walked together, so that one verification costs
 * about 32 doublings and 64 additions on P-256 instead of the 256 doublings of a general double
 * scalar multiplication. The tables (255 points each) are built once per key, and for the generator
 * once per curve.
 *
 * <p>Same verdict as Bouncy Castle's {@code ECDSASigner}: the same range checks on r and s, the
 * same truncation of the hash, the same point arithmetic (Bouncy Castle's, on its optimised curve
 * implementations); only the order in which multiples are added differs. Signature checks are
 * public operations, so nothing here needs to run in constant time. Thread-safe once built.
 */
final class EcdsaComb {

  /** Bits of each scalar read per table lookup; tables hold {@code 2^WIDTH - 1} points. */
  static final int WIDTH = 8;

  private static final Map<ECDomainParameters, Table> GENERATORS = new ConcurrentHashMap<>();

  private final ECDomainParameters domain;
  private final Table generator;
  private final Table key;

  private EcdsaComb(ECDomainParameters domain, Table generator, Table key) {
    this.domain = domain;
    this.generator = generator;
    this.key = key;
  }

  /** Builds the key's table (and the curve's, the first time): about two verifications' work. */
  static EcdsaComb of(ECPublicKeyParameters key) {
    ECDomainParameters domain = key.getParameters();
    int bits = domain.getN().bitLength();
    Table generator = GENERATORS.computeIfAbsent(domain, d -> new Table(d.getG(), bits));
    return new EcdsaComb(domain, generator, new Table(key.getQ(), bits));
  }

  /**
   * Whether {@code (r, s)} is a valid signature of {@code hash} under this key, exactly as {@code
   * ECDSASigner.verifySignature} decides.
   */
  boolean verify(byte[] hash, BigInteger r, BigInteger s) {
    BigInteger n = domain.getN();
    if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) {
      return false;
    }
    BigInteger c = BigIntegers.modOddInverseVar(n, s);
    BigInteger u1 = e(n, hash).multiply(c).mod(n);
    BigInteger u2 = r.multiply(c).mod(n);
    ECPoint point = sum(u1, u2);
    if (point.isInfinity()) {
      return false;
    }
    return point.normalize().getAffineXCoord().toBigInteger().mod(n).equals(r);
  }

  /** {@code u1·G + u2·Q}, one doubling per comb column for both scalars. */
  private ECPoint sum(BigInteger u1, BigInteger u2) {
    int spacing = generator.spacing;
    int[] a = words(u1, spacing);
    int[] b = words(u2, spacing);
    ECPoint acc = domain.getCurve().getInfinity();
    for (int column = spacing - 1; column >= 0; column--) {
      acc = acc.twice();
      int i = index(a, column, spacing);
      if (i != 0) {
        acc = acc.add(generator.points[i]);
      }
      int j = index(b, column, spacing);
      if (j != 0) {
        acc = acc.add(key.points[j]);
      }
    }
    return acc;
  }

  /** The scalar's bits as little-endian 32-bit words, enough for {@code WIDTH * spacing} bits. */
  private static int[] words(BigInteger k, int spacing) {
    int[] words = new int[(WIDTH * spacing + 31) / 32 + 1];
    byte[] bytes = k.toByteArray(); // big-endian, maybe with a leading sign byte
    for (int i = 0; i < bytes.length; i++) {
      int bit = (bytes.length - 1 - i) * 8;
      if (bit / 32 < words.length) {
        words[bit / 32] |= (bytes[i] & 0xff) << (bit % 32);
      }
    }
    return words;
  }

  /** The table index of one comb column: bit {@code column + t·spacing} of k as bit t. */
  private static int index(int[] k, int column, int spacing) {
    int index = 0;
    for (int t = WIDTH - 1; t >= 0; t--) {
      int bit = column + t * spacing;
      index = (index << 1) | ((k[bit >>> 5] >>> (bit & 31)) & 1);
    }
    return index;
  }

  /** The hash as an integer, truncated to the bit length of the group order (SEC 1, 4.1.4). */
  private static BigInteger e(BigInteger n, byte[] hash) {
    BigInteger e = new BigInteger(1, hash);
    int excess = hash.length * 8 - n.bitLength();
    return excess > 0 ? e.shiftRight(excess) : e;
  }

  /**
   * A comb table of point P: {@code points[i]} is the sum of {@code 2^(t·spacing)·P} over the bits
   * t set in i, in affine form (cheaper to add). {@code points[0]} is the point at infinity.
   */
  private static final class Table {
    final int spacing;
    final ECPoint[] points;

    Table(ECPoint p, int bits) {
      spacing = (bits + WIDTH - 1) / WIDTH;
      ECCurve curve = p.getCurve();
      points = new ECPoint[1 << WIDTH];
      points[0] = curve.getInfinity();
      ECPoint base = p.normalize();
      for (int t = 0; t < WIDTH; t++) {
        int high = 1 << t;
        points[high] = base;
        for (int i = 1; i < high; i++) {
          points[high + i] = points[i].add(base);
        }
        base = base.timesPow2(spacing);
      }
      curve.normalizeAll(points, 1, points.length - 1, null);
    }
  }
}
