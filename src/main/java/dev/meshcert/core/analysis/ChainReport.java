package dev.meshcert.core.analysis;

import dev.meshcert.core.chain.Chain;
import dev.meshcert.core.chain.TrustVerdict;
import dev.meshcert.core.finding.Finding;
import java.util.List;

/**
 * What the analysis says about one chain.
 *
 * @param chain the certificates, leaf to root, as grouped from everything loaded
 * @param verdict whether the chain's leaf verifies to a trust anchor, the path that did and every
 *     candidate path that failed with its problems
 * @param findings verdicts about the chain as a whole (untrusted, missing issuer, an expired link,
 *     ...)
 */
public record ChainReport(Chain chain, TrustVerdict verdict, List<Finding> findings) {

  public ChainReport {
    findings = List.copyOf(findings);
  }

  /** Whether a path from the leaf to a trust anchor verified. */
  public boolean trusted() {
    return verdict.trusted();
  }

  /** Why, in one line ("verified to trust anchor CN=Root CA (3 certificates)"). */
  public String reason() {
    return verdict.reason();
  }
}
