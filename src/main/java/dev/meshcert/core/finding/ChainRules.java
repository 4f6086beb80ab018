package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Severity.WARNING;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.core.spiffe.SpiffeId;
import dev.meshcert.core.spiffe.SpiffeIdParser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Rules about how the certificates of a chain relate to each other. */
final class ChainRules {

  /** Linkerd sets a leaf's notAfter to its issuer's when the issuer expires first. */
  private static final Duration CLAMP_TOLERANCE = Duration.ofSeconds(1);

  static final Rule SIGNING_TRUST_DOMAIN =
      new Rule(
          "SVID-SIGNING-TRUST-DOMAIN",
          WARNING,
          "a signing certificate is in another trust domain than the leaf",
          "SPIFFE X509-SVID §3.2 (X-8); SPIFFE-ID §3, §3.1 (ID-15)",
          "An SVID is valid only when signed by an authority of its own trust domain; a CA of"
              + " another trust domain signing it means federation or a misconfigured CA. Check"
              + " that peers hold the bundle of the leaf's trust domain.");
  static final Rule LINKERD_ISSUER_NOT_FROM_ANCHOR =
      new Rule(
          "LINKERD-ISSUER-NOT-FROM-ANCHOR",
          WARNING,
          "identity issuer is not linked to a loaded trust anchor",
          "linkerd.io/2/checks/#l5d-identity-issuer-cert-issued-by-trust-anchor",
          "Linkerd requires the issuer to be signed by one of its trust anchors"
              + " (linkerd-identity-trust-roots). Load the anchors with the issuer; if they are"
              + " loaded, the issuer was signed by another key and proxies will reject every"
              + " workload certificate it issues.");
  static final Rule LINKERD_LEAF_CLAMPED =
      new Rule(
          "LINKERD-LEAF-CLAMPED",
          WARNING,
          "workload certificate expires with its issuer",
          "Linkerd identity controller (leaf validity clamped to the issuer's)",
          "Linkerd shortens workload certificates so they never outlive the issuer; this leaf ends"
              + " exactly when the issuer does, so the issuer is about to expire. Rotate the issuer"
              + " certificate.");

  static final List<Rule> RULES =
      List.of(SIGNING_TRUST_DOMAIN, LINKERD_ISSUER_NOT_FROM_ANCHOR, LINKERD_LEAF_CLAMPED);

  private ChainRules() {}

  static void check(
      Chain chain, List<CertificateRole> roles, Optional<MeshProfile> profile, List<Finding> out) {
    List<CertificateFacts> certs = chain.certificates();
    if (roles.get(0) == CertificateRole.LEAF && profile.map(MeshProfile::spiffe).orElse(false)) {
      trustDomains(certs, out);
    }
    EffectiveExpiry expiry = EffectiveExpiry.of(chain);
    // Only a leaf's chain: an issuer outliving its anchor by a minute (common with step-ca
    // defaults) is not worth a warning; the leaves it signs are, through their own chains.
    if (roles.get(0) == CertificateRole.LEAF && expiry.limitedByCa(chain)) {
      CertificateFacts ca = expiry.limitedBy();
      out.add(
          RotationRules.CHAIN_EXPIRES_EARLY.about(
              ca,
              "CA "
                  + ca.displayName()
                  + " expires on "
                  + ca.notAfter()
                  + ", before the leaf "
                  + chain.leaf().displayName()
                  + " ("
                  + chain.leaf().notAfter()
                  + ")"));
    }
    if (profile.filter(MeshProfile.Linkerd.class::isInstance).isPresent()) {
      linkerd(chain, roles, out);
    }
  }

  private static void trustDomains(List<CertificateFacts> certs, List<Finding> out) {
    Optional<SpiffeId> leaf = id(certs.get(0));
    if (leaf.isEmpty()) {
      return;
    }
    for (CertificateFacts ca : certs.subList(1, certs.size())) {
      id(ca)
          .filter(i -> !i.trustDomain().equals(leaf.get().trustDomain()))
          .ifPresent(
              i ->
                  out.add(
                      SIGNING_TRUST_DOMAIN.about(
                          ca, "The leaf is " + leaf.get() + ", its signer " + i)));
    }
  }

  private static Optional<SpiffeId> id(CertificateFacts c) {
    return c.spiffeUri().flatMap(u -> SpiffeIdParser.parse(u).id());
  }

  private static void linkerd(Chain chain, List<CertificateRole> roles, List<Finding> out) {
    List<CertificateFacts> certs = chain.certificates();
    CertificateFacts top = chain.top();
    if (roles.get(roles.size() - 1) == CertificateRole.INTERMEDIATE && !chain.endsAtSelfSigned()) {
      out.add(
          LINKERD_ISSUER_NOT_FROM_ANCHOR.about(
              top,
              "Its issuer "
                  + chain.missingIssuer().map(n -> "'" + n + "'").orElse("")
                  + " is not among the loaded certificates"));
    }
    if (certs.size() > 1 && roles.get(0) == CertificateRole.LEAF) {
      CertificateFacts leaf = certs.get(0);
      CertificateFacts issuer = certs.get(1);
      Duration gap = Duration.between(leaf.notAfter(), issuer.notAfter()).abs();
      if (gap.compareTo(CLAMP_TOLERANCE) <= 0) {
        out.add(
            LINKERD_LEAF_CLAMPED.about(
                leaf, "Both the leaf and its issuer expire on " + issuer.notAfter()));
      }
    }
  }
}
