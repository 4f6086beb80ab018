package dev.meshcert.core.chain;

import java.util.Optional;

/**
 * One reason a certification path fails.
 *
 * @param rule which rule is broken
 * @param certificateSha256 the certificate (link) concerned; empty when the problem is about the
 *     path as a whole
 * @param message for people, naming the link and, for validity, the instant ("intermediate
 *     CN=Issuer expired at 2025-01-01T00:00:00Z")
 */
public record PathProblem(ChainRule rule, Optional<String> certificateSha256, String message) {

  @Override
  public String toString() {
    return rule.id() + ": " + message;
  }
}
