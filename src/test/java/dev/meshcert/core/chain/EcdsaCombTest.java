package dev.meshcert.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The comb verifier against Bouncy Castle's {@link ECDSASigner} on the same inputs: every genuine
 * signature, every tampered one and random (r, s) pairs get the same verdict. Seeded, so a failure
 * repeats.
 */
class EcdsaCombTest {

  private static final int SIGNATURES = 60;

  @ParameterizedTest(name = "{0}, {1}-byte hash")
  @CsvSource({
    "secp256r1, 32",
    "secp256r1, 64", // SHA-512 on P-256: the hash is truncated to the order's length
    "secp256r1, 20",
    "secp384r1, 48",
    "secp384r1, 20",
    "secp521r1, 64",
    "secp256k1, 32"
  })
  void agreesWithBouncyCastleOnGenuineTamperedAndRandomSignatures(String curve, int hashLength) {
    Random random = new Random(curve.hashCode() * 31L + hashLength);
    AsymmetricCipherKeyPair pair = keyPair(curve, random.nextLong());
    ECPublicKeyParameters pub = (ECPublicKeyParameters) pair.getPublic();
    EcdsaComb comb = EcdsaComb.of(pub);
    BigInteger n = pub.getParameters().getN();

    for (int i = 0; i < SIGNATURES; i++) {
      byte[] hash = new byte[hashLength];
      random.nextBytes(hash);
      if (i == 0) {
        hash = new byte[hashLength]; // e = 0, so u1 = 0: only the key's table is used
      }
      ECDSASigner signer = new ECDSASigner();
      signer.init(
          true,
          new org.bouncycastle.crypto.params.ParametersWithRandom(
              (ECPrivateKeyParameters) pair.getPrivate(), new SeededRandom(random.nextLong())));
      BigInteger[] rs = signer.generateSignature(hash);

      assertTrue(comb.verify(hash, rs[0], rs[1]), "genuine signature " + i);
      assertSame(pub, hash, rs[0], rs[1], comb);

      byte[] tampered = hash.clone();
      tampered[random.nextInt(Math.min(hashLength, (n.bitLength() + 7) / 8))] ^= 0x10;
      assertSame(pub, tampered, rs[0], rs[1], comb);
      assertSame(pub, hash, rs[0].add(BigInteger.ONE), rs[1], comb);
      assertSame(pub, hash, rs[0], n.subtract(rs[1]), comb); // (r, n - s) is valid too
      assertSame(pub, hash, new BigInteger(n.bitLength() - 1, random), rs[1], comb);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"secp256r1", "secp384r1"})
  void refusesValuesOutOfRange(String curve) {
    ECPublicKeyParameters pub = (ECPublicKeyParameters) keyPair(curve, 7).getPublic();
    EcdsaComb comb = EcdsaComb.of(pub);
    BigInteger n = pub.getParameters().getN();
    byte[] hash = new byte[32];

    assertFalse(comb.verify(hash, BigInteger.ZERO, BigInteger.ONE));
    assertFalse(comb.verify(hash, BigInteger.ONE, BigInteger.ZERO));
    assertFalse(comb.verify(hash, n, BigInteger.ONE));
    assertFalse(comb.verify(hash, BigInteger.ONE, n));
    assertFalse(comb.verify(hash, BigInteger.ONE.negate(), BigInteger.ONE));
  }

  /** A key pair on the named curve (Bouncy Castle's optimised implementation), from a seed. */
  private static AsymmetricCipherKeyPair keyPair(String curve, long seed) {
    X9ECParameters x9 = CustomNamedCurves.getByName(curve);
    ECDomainParameters domain =
        new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(domain, new SeededRandom(seed)));
    return generator.generateKeyPair();
  }

  private static void assertSame(
      ECPublicKeyParameters key, byte[] hash, BigInteger r, BigInteger s, EcdsaComb comb) {
    ECDSASigner reference = new ECDSASigner();
    reference.init(false, key);
    assertEquals(reference.verifySignature(hash, r, s), comb.verify(hash, r, s));
  }

  /** A SecureRandom that repeats, so that a failing case can be run again. */
  private static final class SeededRandom extends SecureRandom {
    private final Random random;

    SeededRandom(long seed) {
      this.random = new Random(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
      random.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
      return random.nextInt();
    }
  }
}
