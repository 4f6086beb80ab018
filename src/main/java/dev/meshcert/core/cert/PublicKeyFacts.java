package dev.meshcert.core.cert;

import java.util.Optional;

/**
 * The subject public key.
 *
 * @param algorithm "RSA", "EC", "Ed25519", "Ed448", "DSA" or the OID when unknown
 * @param bits key size in bits (modulus for RSA, field size for EC), 0 when unknown
 * @param curve named curve for EC keys ("P-256", "secp384r1"), empty otherwise
 * @param spkiSha256Base64 the SPKI pin: base64 of SHA-256 over the DER SubjectPublicKeyInfo, as
 *     HPKP and Envoy's verify_certificate_spki use
 */
public record PublicKeyFacts(
    String algorithm, int bits, Optional<String> curve, String spkiSha256Base64) {

  /** A short description such as "EC P-256" or "RSA 2048 bits". */
  public String describe() {
    return curve
        .map(c -> algorithm + " " + c)
        .orElse(algorithm + (bits > 0 ? " " + bits + " bits" : ""));
  }
}
