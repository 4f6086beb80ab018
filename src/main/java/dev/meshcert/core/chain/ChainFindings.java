package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.finding.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns chain verdicts into {@link Finding}s with the rule IDs of {@link ChainRule}
 * (docs/rules-chain.md).
 */
public final class ChainFindings {
  private ChainFindings() {}

  /**
   * Findings for a chain and its verdict.
   *
   * <ul>
   *   <li>Anchors given, trusted: none.
   *   <li>Anchors given, not trusted: {@code CHAIN-UNTRUSTED} with the verdict's reason, plus one
   *       finding per problem of the closest failed path.
   *   <li>No anchors: {@code CHAIN-NO-ANCHORS} (info), plus the problems of the chain as built
   *       (expired links, an issuer that is not a CA, a missing issuer, ...).
   * </ul>
   *
   * @param chain the chain as built by {@link ChainBuilder}
   * @param verdict the verdict for the chain's leaf
   * @param at the instant of the check, for the chain's own problems when no anchors were given
   */
  public static List<Finding> of(Chain chain, TrustVerdict verdict, Instant at) {
    List<Finding> out = new ArrayList<>();
    if (verdict.anchorsGiven()) {
      if (!verdict.trusted()) {
        out.add(finding(ChainRule.UNTRUSTED, verdict.reason(), Optional.empty()));
        verdict.closestFailure().ifPresent(f -> f.problems().forEach(p -> out.add(finding(p))));
      }
      return dedupe(out);
    }
    out.add(finding(ChainRule.NO_ANCHORS, ChainRule.NO_ANCHORS.explanation(), Optional.empty()));
    out.addAll(of(chain, at));
    return dedupe(out);
  }

  /** The problems of a built chain by itself, with no trust anchors: structure and validity. */
  public static List<Finding> of(Chain chain, Instant at) {
    List<CertificateFacts> certs = chain.certificates();
    List<Finding> out = new ArrayList<>();
    chain
        .missingIssuer()
        .ifPresent(
            issuer ->
                out.add(
                    finding(
                        ChainRule.MISSING_ISSUER,
                        "The issuer of "
                            + SignatureVerifier.label(chain.top())
                            + " ("
                            + (issuer.isEmpty() ? "empty name" : issuer)
                            + ") is not among the certificates loaded. "
                            + ChainRule.MISSING_ISSUER.explanation(),
                        Optional.of(chain.top().sha256()))));
    for (PathProblem p : PathChecker.check(certs, false, at, ValidationOptions.DEFAULT)) {
      out.add(finding(p));
    }
    return dedupe(out);
  }

  private static Finding finding(PathProblem p) {
    return finding(p.rule(), p.message() + ". " + p.rule().explanation(), p.certificateSha256());
  }

  private static Finding finding(ChainRule rule, String explanation, Optional<String> sha256) {
    return new Finding(
        rule.id(), rule.severity(), rule.title(), explanation, rule.reference(), sha256);
  }

  private static List<Finding> dedupe(List<Finding> findings) {
    Set<Finding> seen = new LinkedHashSet<>(findings);
    return List.copyOf(seen);
  }
}
