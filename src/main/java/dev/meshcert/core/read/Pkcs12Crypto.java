package dev.meshcert.core.read;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.util.DigestFactory;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;

/**
 * The PKCS#12 integrity check (HMAC with the PKCS#12 key derivation) and decryption (the legacy
 * PKCS#12 PBE ciphers, RC2-40 included, and PBES2 with PBKDF2 and AES or 3DES), done with Bouncy
 * Castle's lightweight API on raw password bytes: the absent password (no bytes) and the empty one
 * (two zero bytes) are different keys, and both occur in real files. Iteration counts are capped so
 * that a hostile file cannot make reading hang, each derivation on its own and all of one file
 * together ({@link KdfBudget}).
 */
final class Pkcs12Crypto {

  /** Real files use 2,048 to a few hundred thousand iterations. */
  static final int MAX_ITERATIONS = 1_000_000;

  /** A password in the two encodings PKCS#12 uses. */
  record Password(byte[] bmp, char[] chars, String label) {
    static Password absent() {
      return new Password(new byte[0], new char[0], "no password");
    }

    static Password empty() {
      return new Password(new byte[2], new char[0], "empty password");
    }

    /** BMPString (UTF-16BE) with two terminating zero bytes, as PKCS#12 wants. */
    static Password of(char[] chars) {
      if (chars.length == 0) {
        return empty();
      }
      byte[] bmp = new byte[(chars.length + 1) * 2];
      for (int i = 0; i < chars.length; i++) {
        bmp[i * 2] = (byte) (chars[i] >>> 8);
        bmp[i * 2 + 1] = (byte) chars[i];
      }
      return new Password(bmp, chars.clone(), "given password");
    }

    void clear() {
      java.util.Arrays.fill(bmp, (byte) 0);
      java.util.Arrays.fill(chars, '\0');
    }
  }

  private record Pbe(int keyBits, boolean rc2, boolean rc4) {}

  private static final Map<ASN1ObjectIdentifier, Pbe> PKCS12_PBE =
      Map.of(
          PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC4, new Pbe(128, false, true),
          PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC4, new Pbe(40, false, true),
          PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, new Pbe(192, false, false),
          PKCSObjectIdentifiers.pbeWithSHAAnd2_KeyTripleDES_CBC, new Pbe(128, false, false),
          PKCSObjectIdentifiers.pbeWithSHAAnd128BitRC2_CBC, new Pbe(128, true, false),
          PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC, new Pbe(40, true, false));

  private Pkcs12Crypto() {}

  /** Whether the MAC over {@code content} verifies with this password. */
  static boolean macValid(MacData mac, byte[] content, Password password, KdfBudget budget)
      throws IOException {
    AlgorithmIdentifier alg = mac.getMac().getAlgorithmId();
    Digest digest;
    Digest hmacDigest;
    try {
      digest = BcDefaultDigestProvider.INSTANCE.get(alg);
      hmacDigest = BcDefaultDigestProvider.INSTANCE.get(alg);
    } catch (org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
      throw new IOException("unsupported MAC digest " + alg.getAlgorithm().getId());
    }
    int iterations = iterations(mac.getIterationCount().intValueExact(), 1, budget);
    PKCS12ParametersGenerator gen = new PKCS12ParametersGenerator(digest);
    gen.init(password.bmp(), mac.getSalt(), iterations);
    CipherParameters key = gen.generateDerivedMacParameters(digest.getDigestSize() * 8);
    HMac hmac = new HMac(hmacDigest);
    hmac.init(key);
    hmac.update(content, 0, content.length);
    byte[] out = new byte[hmac.getMacSize()];
    hmac.doFinal(out, 0);
    return MessageDigest.isEqual(out, mac.getMac().getDigest());
  }

  /**
   * Decrypts PKCS#12 PBE or PBES2 content.
   *
   * @throws IOException for an unsupported algorithm, or "wrong password" when the padding does not
   *     check
   */
  static byte[] decrypt(AlgorithmIdentifier alg, byte[] data, Password password, KdfBudget budget)
      throws IOException {
    ASN1ObjectIdentifier oid = alg.getAlgorithm();
    try {
      Pbe pbe = PKCS12_PBE.get(oid);
      if (pbe != null) {
        PKCS12PBEParams p = PKCS12PBEParams.getInstance(alg.getParameters());
        PKCS12ParametersGenerator gen = new PKCS12ParametersGenerator(DigestFactory.createSHA1());
        // SHA-1 blocks of key, and one more for the IV of the CBC ciphers
        int blocks = (pbe.keyBits() + 159) / 160 + (pbe.rc4() ? 0 : 1);
        gen.init(
            password.bmp(),
            p.getIV(),
            iterations(p.getIterations().intValueExact(), blocks, budget));
        if (pbe.rc4()) {
          RC4Engine rc4 = new RC4Engine();
          rc4.init(false, gen.generateDerivedParameters(pbe.keyBits()));
          byte[] out = new byte[data.length];
          rc4.processBytes(data, 0, data.length, out, 0);
          return out;
        }
        BlockCipher engine = pbe.rc2() ? new RC2Engine() : new DESedeEngine();
        return cbc(engine, gen.generateDerivedParameters(pbe.keyBits(), 64), data);
      }
      if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
        return pbes2(PBES2Parameters.getInstance(alg.getParameters()), data, password, budget);
      }
    } catch (IllegalArgumentException | ArithmeticException | IllegalStateException e) {
      throw new IOException("bad encryption parameters: " + Der.message(e), e);
    }
    throw new IOException("unsupported encryption " + oid.getId());
  }

  private static byte[] pbes2(PBES2Parameters p, byte[] data, Password password, KdfBudget budget)
      throws IOException {
    if (!p.getKeyDerivationFunc().getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
      throw new IOException(
          "unsupported key derivation " + p.getKeyDerivationFunc().getAlgorithm().getId());
    }
    PBKDF2Params kdf = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters());
    EncryptionScheme scheme = p.getEncryptionScheme();
    ASN1ObjectIdentifier cipher = scheme.getAlgorithm();
    int keyBytes;
    BlockCipher engine;
    if (cipher.equals(NISTObjectIdentifiers.id_aes128_CBC)) {
      keyBytes = 16;
      engine = AESEngine.newInstance();
    } else if (cipher.equals(NISTObjectIdentifiers.id_aes192_CBC)) {
      keyBytes = 24;
      engine = AESEngine.newInstance();
    } else if (cipher.equals(NISTObjectIdentifiers.id_aes256_CBC)) {
      keyBytes = 32;
      engine = AESEngine.newInstance();
    } else if (cipher.equals(PKCSObjectIdentifiers.des_EDE3_CBC)) {
      keyBytes = 24;
      engine = new DESedeEngine();
    } else {
      throw new IOException("unsupported cipher " + cipher.getId());
    }
    Digest prf = prf(kdf.getPrf().getAlgorithm());
    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(prf);
    gen.init(
        PKCS5S2ParametersGenerator.PKCS5PasswordToUTF8Bytes(password.chars()),
        kdf.getSalt(),
        iterations(
            kdf.getIterationCount().intValueExact(),
            (keyBytes + prf.getDigestSize() - 1) / prf.getDigestSize(),
            budget));
    KeyParameter key = (KeyParameter) gen.generateDerivedParameters(keyBytes * 8);
    byte[] iv = ASN1OctetString.getInstance(scheme.getParameters()).getOctets();
    return cbc(engine, new ParametersWithIV(key, iv), data);
  }

  private static Digest prf(ASN1ObjectIdentifier oid) throws IOException {
    if (oid.equals(PKCSObjectIdentifiers.id_hmacWithSHA1)) {
      return DigestFactory.createSHA1();
    } else if (oid.equals(PKCSObjectIdentifiers.id_hmacWithSHA224)) {
      return DigestFactory.createSHA224();
    } else if (oid.equals(PKCSObjectIdentifiers.id_hmacWithSHA256)) {
      return DigestFactory.createSHA256();
    } else if (oid.equals(PKCSObjectIdentifiers.id_hmacWithSHA384)) {
      return DigestFactory.createSHA384();
    } else if (oid.equals(PKCSObjectIdentifiers.id_hmacWithSHA512)) {
      return DigestFactory.createSHA512();
    }
    throw new IOException("unsupported PBKDF2 function " + oid.getId());
  }

  private static byte[] cbc(BlockCipher engine, CipherParameters params, byte[] data)
      throws IOException {
    BufferedBlockCipher c =
        new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine), new PKCS7Padding());
    c.init(false, params);
    byte[] out = new byte[c.getOutputSize(data.length)];
    try {
      int n = c.processBytes(data, 0, data.length, out, 0);
      n += c.doFinal(out, n);
      return java.util.Arrays.copyOf(out, n);
    } catch (InvalidCipherTextException | org.bouncycastle.crypto.DataLengthException e) {
      throw new IOException("wrong password", e);
    }
  }

  /** Checks {@code n} and takes {@code n} for each of {@code blocks} derived blocks. */
  private static int iterations(int n, int blocks, KdfBudget budget) throws IOException {
    if (n < 1 || n > MAX_ITERATIONS) {
      throw new IOException(
          "iteration count " + n + " outside 1 to " + MAX_ITERATIONS + ": not tried");
    }
    budget.spend((long) n * blocks);
    return n;
  }
}
