package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.Optional;

/**
 * Certificates linked by signature, ordered from the end entity (or lowest certificate present) to
 * the root.
 *
 * @param certificates leaf first; each is signed by the next
 * @param endsAtSelfSigned the last certificate verifies with its own key
 * @param missingIssuer when the last certificate's issuer is not among the certificates loaded:
 *     that issuer's RFC 4514 name
 */
public record Chain(
    List<CertificateFacts> certificates, boolean endsAtSelfSigned, Optional<String> missingIssuer) {

  public Chain {
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("a chain has at least one certificate");
    }
    certificates = List.copyOf(certificates);
  }

  /** The first certificate: the leaf, or the lowest one present. */
  public CertificateFacts leaf() {
    return certificates.get(0);
  }

  /** The last certificate: the root when {@link #endsAtSelfSigned()}. */
  public CertificateFacts top() {
    return certificates.get(certificates.size() - 1);
  }
}
