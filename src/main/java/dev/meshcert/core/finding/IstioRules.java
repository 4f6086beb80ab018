package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Severity.ERROR;
import static dev.meshcert.core.finding.Severity.INFO;
import static dev.meshcert.core.finding.Severity.WARNING;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.spiffe.SpiffeId;
import dev.meshcert.core.spiffe.SpiffeIdParser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What istiod's CA issues to workloads, checked on leaves under the Istio profile. The SPIFFE rules
 * apply as well; these add Istio's own shape, lifetimes and trust domain.
 */
final class IstioRules {

  /** DEFAULT_WORKLOAD_CERT_TTL. */
  static final Duration DEFAULT_TTL = Duration.ofHours(24);

  /** MAX_WORKLOAD_CERT_TTL. */
  static final Duration MAX_TTL = Duration.ofDays(90);

  /** istiod backdates notBefore by a couple of minutes for clock skew. */
  static final Duration TTL_TOLERANCE = Duration.ofMinutes(5);

  private static final String TEMPLATE =
      "istio/istio security/pkg/pki/util/generate_cert.go (workload certificate template)";

  static final Rule LEAF_SUBJECT_NOT_EMPTY =
      new Rule(
          "ISTIO-LEAF-SUBJECT-NOT-EMPTY",
          INFO,
          "workload certificate has a subject",
          TEMPLATE,
          "istiod's CA issues workload certificates with an empty subject and the identity in a"
              + " critical URI SAN; this one was issued by another CA (for example cert-manager"
              + " istio-csr). Fine when intended.");
  static final Rule LEAF_EKU_MISSING =
      new Rule(
          "ISTIO-LEAF-EKU-MISSING",
          WARNING,
          "workload certificate has no extended key usage",
          TEMPLATE,
          "istiod's CA always sets extendedKeyUsage serverAuth and clientAuth. Without it the"
              + " certificate was issued elsewhere; check the plugged-in CA's template.");
  static final Rule LEAF_TTL_NOT_DEFAULT =
      new Rule(
          "ISTIO-LEAF-TTL-NOT-DEFAULT",
          INFO,
          "workload certificate lifetime is not the 24 h default",
          "istio.io pilot-discovery DEFAULT_WORKLOAD_CERT_TTL, pilot-agent SECRET_TTL (24h)",
          "Istio issues workload certificates for 24 hours unless SECRET_TTL or"
              + " DEFAULT_WORKLOAD_CERT_TTL is changed. Fine when intended.");
  static final Rule LEAF_TTL_TOO_LONG =
      new Rule(
          "ISTIO-LEAF-TTL-TOO-LONG",
          WARNING,
          "workload certificate lifetime exceeds 90 days",
          "istio.io pilot-discovery MAX_WORKLOAD_CERT_TTL (90 days)",
          "istiod refuses to sign workload certificates longer than MAX_WORKLOAD_CERT_TTL (90 days"
              + " by default), so this one came from elsewhere; long-lived workload keys defeat"
              + " rotation.");
  static final Rule TRUST_DOMAIN_MISMATCH =
      new Rule(
          "ISTIO-TRUST-DOMAIN-MISMATCH",
          ERROR,
          "SPIFFE trust domain is not the mesh's",
          "istio.io MeshConfig trustDomain, trustDomainAliases",
          "Peers in the mesh only accept identities of the mesh's trust domain or its aliases, and"
              + " AuthorizationPolicy principals will not match. Add the domain to"
              + " trustDomainAliases during a migration, or reissue from the right CA.");
  static final Rule LEAF_NOT_KUBERNETES_ID =
      new Rule(
          "ISTIO-LEAF-NOT-KUBERNETES-ID",
          WARNING,
          "workload SPIFFE ID is not /ns/NAMESPACE/sa/SERVICE_ACCOUNT",
          "istio.io/latest/docs/concepts/security/#istio-identity",
          "Istio workload identities have the form spiffe://TD/ns/NAMESPACE/sa/SERVICE_ACCOUNT;"
              + " AuthorizationPolicy principals and namespaces are matched against it.");

  static final List<Rule> RULES =
      List.of(
          LEAF_SUBJECT_NOT_EMPTY,
          LEAF_EKU_MISSING,
          LEAF_TTL_NOT_DEFAULT,
          LEAF_TTL_TOO_LONG,
          TRUST_DOMAIN_MISMATCH,
          LEAF_NOT_KUBERNETES_ID);

  private IstioRules() {}

  static void check(Subject s, List<Finding> out) {
    Optional<MeshProfile.Istio> istio = s.istio();
    if (istio.isEmpty() || !s.leaf()) {
      return;
    }
    CertificateFacts c = s.cert();
    if (!c.subjectEmpty()) {
      out.add(LEAF_SUBJECT_NOT_EMPTY.about(c, "The subject is " + c.subject()));
    }
    if (c.extension("2.5.29.37").isEmpty()) {
      out.add(LEAF_EKU_MISSING.about(c, ""));
    }
    Duration life = c.lifetime();
    if (life.compareTo(MAX_TTL) > 0) {
      out.add(LEAF_TTL_TOO_LONG.about(c, "It is valid for " + Durations.human(life)));
    } else if (life.minus(DEFAULT_TTL).abs().compareTo(TTL_TOLERANCE) > 0) {
      out.add(LEAF_TTL_NOT_DEFAULT.about(c, "It is valid for " + Durations.human(life)));
    }
    Optional<SpiffeId> id = c.spiffeUri().flatMap(u -> SpiffeIdParser.parse(u).id());
    if (id.isEmpty()) {
      return;
    }
    if (!istio.get().acceptedTrustDomains().contains(id.get().trustDomain())) {
      out.add(
          TRUST_DOMAIN_MISMATCH.about(
              c,
              "The SPIFFE ID is "
                  + id.get()
                  + " but the mesh accepts "
                  + istio.get().acceptedTrustDomains()));
    }
    if (id.get().kubernetes().isEmpty() && !id.get().path().isEmpty()) {
      out.add(LEAF_NOT_KUBERNETES_ID.about(c, "The SPIFFE ID is " + id.get()));
    }
  }
}
