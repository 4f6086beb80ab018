package dev.meshcert.kube.config;

import java.time.Instant;
import java.util.Optional;

/**
 * What an exec credential plugin returned ({@code ExecCredential.status}).
 *
 * @param token a bearer token
 * @param clientCertificatePem a client certificate
 * @param clientKeyPem its key
 * @param expiry when the credential expires; it is fetched again after that
 */
public record ExecCredential(
    Optional<SecretText> token,
    Optional<String> clientCertificatePem,
    Optional<SecretText> clientKeyPem,
    Optional<Instant> expiry) {

  /** Whether the credential has expired at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return expiry.map(e -> !now.isBefore(e)).orElse(false);
  }
}
