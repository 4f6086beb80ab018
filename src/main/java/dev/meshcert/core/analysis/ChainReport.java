package dev.meshcert.core.analysis;

import dev.meshcert.core.chain.Chain;
import dev.meshcert.core.finding.Finding;
import java.util.List;

/**
 * What the analysis says about one chain.
 *
 * @param chain the certificates, leaf to root
 * @param trusted whether a path from the leaf to a trust anchor verified
 * @param reason why (for example "verified to anchor CN=Root CA" or "no trust anchors given")
 * @param findings verdicts about the chain as a whole
 */
public record ChainReport(Chain chain, boolean trusted, String reason, List<Finding> findings) {

  public ChainReport {
    findings = List.copyOf(findings);
  }
}
