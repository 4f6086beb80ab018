package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import java.time.Instant;
import java.util.Comparator;

/**
 * When a chain stops validating: the earliest notAfter of its certificates.
 *
 * @param notAfter the earliest notAfter in the chain
 * @param limitedBy the certificate with that notAfter (the leaf unless a CA expires first; the
 *     lowest such certificate on a tie)
 */
public record EffectiveExpiry(Instant notAfter, CertificateFacts limitedBy) {

  /** The effective expiry of {@code chain}. */
  public static EffectiveExpiry of(Chain chain) {
    CertificateFacts first =
        chain.certificates().stream()
            .min(Comparator.comparing(CertificateFacts::notAfter))
            .orElseThrow();
    return new EffectiveExpiry(first.notAfter(), first);
  }

  /** Whether a CA, not the leaf, decides the expiry. */
  public boolean limitedByCa(Chain chain) {
    return !limitedBy.equals(chain.leaf())
        && limitedBy.notAfter().isBefore(chain.leaf().notAfter());
  }
}
