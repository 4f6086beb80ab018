package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Severity.ERROR;
import static dev.meshcert.core.finding.Severity.WARNING;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.PublicKeyFacts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What Linkerd's identity system requires of its workload certificates, identity issuer and trust
 * anchors (the checks of {@code linkerd check}, section linkerd-identity). Applied under the
 * Linkerd profile; the SPIFFE rules do not apply to Linkerd's DNS-style identities.
 */
final class LinkerdRules {

  /** {@code linkerd check} warns when an anchor or issuer expires within this. */
  static final Duration EXPIRY_WARNING = Duration.ofDays(60);

  private static final String CHECKS = "linkerd.io/2/checks/";

  static final Rule LEAF_DNS_SAN =
      new Rule(
          "LINKERD-LEAF-DNS-SAN",
          ERROR,
          "workload certificate does not have exactly one DNS SAN",
          "Linkerd identity (linkerd.io/2/features/automatic-mtls)",
          "Linkerd proxies identify a workload by a single DNS SAN"
              + " SA.NS.serviceaccount.identity.LINKERD_NS.TRUST_DOMAIN; with none or several,"
              + " peers cannot verify the expected identity.");
  static final Rule LEAF_NAME =
      new Rule(
          "LINKERD-LEAF-NAME",
          ERROR,
          "workload identity is not SA.NS.serviceaccount.identity.LINKERD_NS.TRUST_DOMAIN",
          "Linkerd identity (linkerd.io/2/features/automatic-mtls)",
          "The proxy's expected identity (LINKERD2_PROXY_IDENTITY_LOCAL_NAME) has this form, with"
              + " the mesh's control-plane namespace and trust domain; a certificate for another"
              + " name fails the handshake.");
  static final Rule LEAF_URI_SAN =
      new Rule(
          "LINKERD-LEAF-URI-SAN",
          WARNING,
          "workload certificate has a URI SAN",
          "Linkerd identity (linkerd.io/2/features/automatic-mtls)",
          "Linkerd's identity controller issues DNS-only workload certificates; a URI SAN means the"
              + " certificate came from another issuer.");
  static final Rule KEY_ALGORITHM =
      new Rule(
          "LINKERD-KEY-ALGORITHM",
          ERROR,
          "key is not ECDSA P-256",
          CHECKS
              + "#l5d-identity-issuer-cert-uses-supported-crypto,"
              + " #l5d-identity-trustAnchors-use-supported-crypto",
          "Linkerd requires ECDSA P-256 keys for the identity issuer and workload certificates"
              + " (trust anchors may also be RSA). Regenerate the key with the P-256 curve.");
  static final Rule ANCHOR_EXPIRES_SOON =
      new Rule(
          "LINKERD-ANCHOR-EXPIRES-SOON",
          WARNING,
          "trust anchor expires within 60 days",
          CHECKS + "#l5d-identity-trustAnchors-not-expiring-soon",
          "When the trust anchor expires every proxy loses mTLS at once. Rotate the trust anchor"
              + " now (linkerd.io/2/tasks/manually-rotating-control-plane-tls-credentials).");
  static final Rule ISSUER_EXPIRES_SOON =
      new Rule(
          "LINKERD-ISSUER-EXPIRES-SOON",
          WARNING,
          "identity issuer expires within 60 days",
          CHECKS + "#l5d-identity-issuer-cert-not-expiring-soon",
          "Workload certificates are clamped to the issuer's expiry and stop validating with it."
              + " Rotate the issuer certificate (or let cert-manager renew it) before then.");
  static final Rule ISSUER_NOT_CA =
      new Rule(
          "LINKERD-ISSUER-NOT-CA",
          ERROR,
          "identity issuer is not a CA",
          CHECKS + "#l5d-identity-cert-config-valid",
          "The identity issuer signs workload certificates and must have basicConstraints cA=true"
              + " and keyCertSign; Linkerd refuses to install or start with it.");
  static final Rule ISSUER_NAME =
      new Rule(
          "LINKERD-ISSUER-NAME",
          WARNING,
          "identity issuer is not named identity.LINKERD_NS.TRUST_DOMAIN",
          CHECKS + "#l5d-identity-cert-config-valid",
          "Linkerd names its issuer identity.LINKERD_NS.TRUST_DOMAIN (SAN, or CN without SAN)."
              + " Older Linkerd releases verify the issuer against that name and refuse another.");

  static final List<Rule> RULES =
      List.of(
          LEAF_DNS_SAN,
          LEAF_NAME,
          LEAF_URI_SAN,
          KEY_ALGORITHM,
          ANCHOR_EXPIRES_SOON,
          ISSUER_EXPIRES_SOON,
          ISSUER_NOT_CA,
          ISSUER_NAME);

  private LinkerdRules() {}

  static void check(Subject s, List<Finding> out) {
    Optional<MeshProfile.Linkerd> linkerd = s.linkerd();
    if (linkerd.isEmpty()) {
      return;
    }
    switch (s.role()) {
      case LEAF -> leaf(s, linkerd.get(), out);
      case INTERMEDIATE -> issuer(s, linkerd.get(), out);
      case ROOT -> anchor(s, out);
    }
  }

  private static void leaf(Subject s, MeshProfile.Linkerd profile, List<Finding> out) {
    CertificateFacts c = s.cert();
    List<String> dns = c.dnsSans();
    if (dns.size() != 1) {
      out.add(LEAF_DNS_SAN.about(c, "It has " + dns.size() + " DNS SANs: " + dns));
    }
    for (String name : dns) {
      if (LinkerdName.parse(name, profile).isEmpty()) {
        out.add(
            LEAF_NAME.about(
                c,
                "DNS SAN '" + name + "' is not SA.NS.serviceaccount." + profile.identitySuffix()));
        break;
      }
    }
    if (!c.uriSans().isEmpty()) {
      out.add(LEAF_URI_SAN.about(c, "URI SANs: " + c.uriSans()));
    }
    requireP256(c, false, out);
  }

  private static void issuer(Subject s, MeshProfile.Linkerd profile, List<Finding> out) {
    CertificateFacts c = s.cert();
    if (!c.ca()) {
      out.add(ISSUER_NOT_CA.about(c, "basicConstraints does not say cA=true"));
    }
    String expected = profile.identitySuffix();
    List<String> names = c.dnsSans().isEmpty() ? List.of(c.commonName()) : c.dnsSans();
    if (!names.contains(expected)) {
      out.add(ISSUER_NAME.about(c, "It is named " + names + ", expected " + expected));
    }
    requireP256(c, false, out);
    expiresSoon(c, s.ctx(), ISSUER_EXPIRES_SOON, out);
  }

  private static void anchor(Subject s, List<Finding> out) {
    CertificateFacts c = s.cert();
    requireP256(c, true, out);
    expiresSoon(c, s.ctx(), ANCHOR_EXPIRES_SOON, out);
  }

  private static void requireP256(CertificateFacts c, boolean rsaAllowed, List<Finding> out) {
    PublicKeyFacts k = c.publicKey();
    boolean p256 = k.algorithm().equals("EC") && k.curve().equals(Optional.of("P-256"));
    boolean rsa = rsaAllowed && k.algorithm().equals("RSA") && k.bits() >= 2048;
    if (!p256 && !rsa) {
      out.add(KEY_ALGORITHM.about(c, "The key is " + k.describe()));
    }
  }

  private static void expiresSoon(
      CertificateFacts c, LintContext ctx, Rule rule, List<Finding> out) {
    boolean valid = !ctx.at().isBefore(c.notBefore()) && !ctx.at().isAfter(c.notAfter());
    if (valid && ctx.at().plus(EXPIRY_WARNING).isAfter(c.notAfter())) {
      out.add(
          rule.about(
              c,
              "It expires on "
                  + c.notAfter()
                  + ", in "
                  + Durations.human(Duration.between(ctx.at(), c.notAfter()))));
    }
  }
}
