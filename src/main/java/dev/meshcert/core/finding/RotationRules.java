package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Severity.WARNING;

import dev.meshcert.core.cert.CertificateFacts;
import java.time.Duration;
import java.util.List;

/** Rotation of workload certificates under a known mesh profile. */
final class RotationRules {

  static final Rule OVERDUE =
      new Rule(
          "ROTATION-OVERDUE",
          WARNING,
          "workload certificate should already have been renewed",
          "Istio SECRET_GRACE_PERIOD_RATIO (0.5); SPIRE agent (half-life); Linkerd proxy (70%)",
          "The mesh's agent renews workload certificates well before they expire. One still in use"
              + " this late means rotation is stuck: check the sidecar or agent logs and its"
              + " connection to the CA (istiod, SPIRE server, linkerd-identity).");
  static final Rule CHAIN_EXPIRES_EARLY =
      new Rule(
          "ROTATION-CHAIN-EXPIRES-EARLY",
          WARNING,
          "a CA in the leaf's chain expires before the leaf",
          "RFC 5280 §6.1.3 (every certificate of a path must be valid)",
          "The chain stops validating when its first certificate expires, whatever the leaf says."
              + " Renew that CA, then reissue what it signed.");

  static final List<Rule> RULES = List.of(OVERDUE, CHAIN_EXPIRES_EARLY);

  private RotationRules() {}

  static void check(Subject s, List<Finding> out) {
    if (!s.leaf() || s.profile().isEmpty()) {
      return;
    }
    CertificateFacts c = s.cert();
    Rotation r = Rotation.of(c, s.profile().get(), s.ctx().at());
    if (r.overdue()) {
      out.add(
          OVERDUE.about(
              c,
              s.profile().get().name()
                  + " renews at "
                  + Math.round(r.ratio() * 100)
                  + "% of the "
                  + Durations.human(c.lifetime())
                  + " lifetime, at "
                  + r.renewAt()
                  + "; at "
                  + s.ctx().at()
                  + " it is "
                  + Durations.human(Duration.between(r.renewAt(), s.ctx().at()))
                  + " late"));
    }
  }
}
