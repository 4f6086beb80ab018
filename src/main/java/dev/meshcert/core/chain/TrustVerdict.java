package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.Optional;

/**
 * Whether a certificate verifies to a trust anchor, with the reasons.
 *
 * @param trusted some candidate path from the leaf to an anchor passed every check
 * @param reason one line for people: "verified to trust anchor CN=Root CA (3 certificates)", "no
 *     trust anchors given", or the decisive problem of the closest failed path
 * @param verifiedPath the path that verified, leaf first, ending at the trust anchor; empty when
 *     not trusted
 * @param failedPaths every candidate path that failed, closest to succeeding first (at most {@link
 *     PathValidator#MAX_REPORTED_PATHS})
 * @param anchorsGiven whether any trust anchor was given at all
 */
public record TrustVerdict(
    boolean trusted,
    String reason,
    Optional<List<CertificateFacts>> verifiedPath,
    List<FailedPath> failedPaths,
    boolean anchorsGiven) {

  public TrustVerdict {
    verifiedPath = verifiedPath.map(List::copyOf);
    failedPaths = List.copyOf(failedPaths);
  }

  /** The failed path that came closest: the one the reason describes. */
  public Optional<FailedPath> closestFailure() {
    return failedPaths.isEmpty() ? Optional.empty() : Optional.of(failedPaths.get(0));
  }
}
