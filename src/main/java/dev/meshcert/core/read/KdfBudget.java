package dev.meshcert.core.read;

import java.io.IOException;

/**
 * How many password-based key-derivation iterations reading one PKCS#12 file may cost, over every
 * password tried and every encrypted part. Each derivation is capped on its own ({@link
 * Pkcs12Crypto#MAX_ITERATIONS}), but a hostile file can ask for many: seven passwords tried against
 * a MAC of a million iterations, or two thousand copies of an encrypted part (found by fuzzing: 3
 * to 4 s per file). Real files need a few tens of thousands in all. Not thread-safe: one per read.
 */
final class KdfBudget {

  /**
   * Iterations times derived hash blocks: about 0.25 s of PKCS#12 SHA-1 or 0.6 s of
   * PBKDF2-HMAC-SHA256 (CPU time, measured on the 2-core test machine).
   */
  static final long PER_FILE = 1_000_000;

  private long left = PER_FILE;

  /**
   * Takes {@code iterations} (times the hash blocks derived with them) from the budget.
   *
   * @throws IOException when they are no longer there; the derivation is then not done
   */
  void spend(long iterations) throws IOException {
    if (iterations > left) {
      throw new IOException(
          "not tried: the key derivations of this file would take more than "
              + PER_FILE
              + " iterations in all");
    }
    left -= iterations;
  }
}
