package dev.meshcert.core.read;

import java.util.Optional;

/**
 * A private key recognised in an input. The key material itself is never kept here: only what is
 * needed to describe it and to match it to its certificate.
 *
 * @param location where in the input
 * @param algorithm "RSA", "EC", "Ed25519", ... or "unknown"
 * @param description size or curve ("2048 bits", "P-256"), or why it could not be read
 *     ("encrypted")
 * @param publicKeySha256 lowercase hex SHA-256 of the DER SubjectPublicKeyInfo derived from the
 *     key, when it could be derived; equal to the SPKI digest of the matching certificate
 * @param matchedCertificateSha256 the sha256 of the certificate whose public key matches, if any
 *     was found among the inputs read together
 */
public record KeyEntry(
    String location,
    String algorithm,
    String description,
    Optional<String> publicKeySha256,
    Optional<String> matchedCertificateSha256) {

  /** The same key, matched to a certificate. */
  public KeyEntry matchedTo(String certificateSha256) {
    return new KeyEntry(
        location, algorithm, description, publicKeySha256, Optional.of(certificateSha256));
  }

  @Override
  public String toString() {
    return "private key " + algorithm + " " + description + " [redacted]";
  }
}
