package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Severity.ERROR;
import static dev.meshcert.core.finding.Severity.WARNING;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.spiffe.SpiffeId.KubernetesIdentity;
import dev.meshcert.core.spiffe.SpiffeIdParser;
import java.util.List;
import java.util.Optional;

/**
 * When the certificate was taken from a known pod: does the leaf name that pod's namespace and
 * service account? Reads SPIFFE IDs {@code /ns/NS/sa/SA} and Linkerd names {@code
 * SA.NS.serviceaccount.identity...}.
 */
final class IdentityRules {

  static final Rule NAMESPACE_MISMATCH =
      new Rule(
          "IDENTITY-NAMESPACE-MISMATCH",
          ERROR,
          "certificate names another namespace than the pod's",
          "Istio identity (ns/NS/sa/SA); Linkerd identity (SA.NS.serviceaccount...)",
          "The proxy presents an identity of another namespace, so authorization policies meant"
              + " for this pod do not apply and peers may reject it. The certificate may be stale,"
              + " mounted from another workload's secret, or issued for a different pod.");
  static final Rule SERVICE_ACCOUNT_MISMATCH =
      new Rule(
          "IDENTITY-SERVICE-ACCOUNT-MISMATCH",
          ERROR,
          "certificate names another service account than the pod's",
          "Istio identity (ns/NS/sa/SA); Linkerd identity (SA.NS.serviceaccount...)",
          "The proxy presents the identity of another service account. Check the pod's"
              + " serviceAccountName and whether the certificate was rotated after it changed.");
  static final Rule UNRECOGNISED =
      new Rule(
          "IDENTITY-UNRECOGNISED",
          WARNING,
          "certificate carries no Kubernetes identity to compare",
          "Istio identity (ns/NS/sa/SA); Linkerd identity (SA.NS.serviceaccount...)",
          "Neither a SPIFFE ID of the form /ns/NS/sa/SA nor a Linkerd identity name was found, so"
              + " the certificate cannot be matched to the pod.");

  static final List<Rule> RULES =
      List.of(NAMESPACE_MISMATCH, SERVICE_ACCOUNT_MISMATCH, UNRECOGNISED);

  private IdentityRules() {}

  static void check(Subject s, List<Finding> out) {
    if (!s.leaf() || s.ctx().expectedIdentity().isEmpty()) {
      return;
    }
    ExpectedIdentity expected = s.ctx().expectedIdentity().get();
    CertificateFacts c = s.cert();
    Optional<KubernetesIdentity> actual = identity(c, s.profile());
    if (actual.isEmpty()) {
      out.add(UNRECOGNISED.about(c, "The pod is " + expected + "; SANs " + c.subjectAltNames()));
      return;
    }
    KubernetesIdentity a = actual.get();
    if (!a.namespace().equals(expected.namespace())) {
      out.add(
          NAMESPACE_MISMATCH.about(
              c,
              "The certificate names namespace '"
                  + a.namespace()
                  + "', the pod runs in '"
                  + expected.namespace()
                  + "'"));
    }
    if (!a.serviceAccount().equals(expected.serviceAccount())) {
      out.add(
          SERVICE_ACCOUNT_MISMATCH.about(
              c,
              "The certificate names service account '"
                  + a.serviceAccount()
                  + "', the pod uses '"
                  + expected.serviceAccount()
                  + "'"));
    }
  }

  /** The namespace and service account a leaf names, SPIFFE first, then Linkerd. */
  static Optional<KubernetesIdentity> identity(CertificateFacts c, Optional<MeshProfile> profile) {
    Optional<KubernetesIdentity> spiffe =
        c.spiffeUri().flatMap(u -> SpiffeIdParser.parse(u).id()).flatMap(id -> id.kubernetes());
    if (spiffe.isPresent()) {
      return spiffe;
    }
    for (String dns : c.dnsSans()) {
      Optional<KubernetesIdentity> l =
          profile
              .filter(MeshProfile.Linkerd.class::isInstance)
              .map(p -> LinkerdName.parse(dns, (MeshProfile.Linkerd) p))
              .orElseGet(() -> LinkerdName.parseAny(dns));
      if (l.isPresent()) {
        return l;
      }
    }
    return Optional.empty();
  }
}
