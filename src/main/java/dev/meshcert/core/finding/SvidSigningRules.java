package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Severity.ERROR;
import static dev.meshcert.core.finding.Severity.INFO;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.KeyUsageBit;
import java.util.List;

/** The X.509-SVID rules for signing certificates (CAs); see {@link SvidRules}. */
final class SvidSigningRules {

  private static final String SPEC = "SPIFFE X509-SVID ";

  static final Rule SIGNING_NOT_CA =
      new Rule(
          "SVID-SIGNING-NOT-CA",
          ERROR,
          "signing certificate is not a CA",
          SPEC + "§3.2, §4.1 (X-6, X-10)",
          "A certificate that signs SVIDs must have basicConstraints cA=true, or path validation"
              + " fails for every SVID below it. Reissue the CA certificate with cA=true.");
  static final Rule SIGNING_NO_KEY_CERT_SIGN =
      new Rule(
          "SVID-SIGNING-NO-KEY-CERT-SIGN",
          ERROR,
          "signing certificate lacks keyCertSign",
          SPEC + "§3.2, §4.3 (X-6, X-13)",
          "A certificate that signs SVIDs must have keyCertSign in its key usage, or path"
              + " validation fails for every SVID below it.");
  static final Rule SIGNING_ID_HAS_PATH =
      new Rule(
          "SVID-SIGNING-ID-HAS-PATH",
          ERROR,
          "signing certificate's SPIFFE ID has a path",
          SPEC + "§3.2 (X-7); SPIFFE-ID §3.1 (ID-16)",
          "A signing certificate's SPIFFE ID must name only the trust domain (spiffe://TD, no"
              + " path). A path suggests a workload certificate was issued as a CA.");
  static final Rule SIGNING_DIGITAL_SIGNATURE =
      new Rule(
          "SVID-SIGNING-DIGITAL-SIGNATURE",
          INFO,
          "signing certificate has digitalSignature",
          SPEC + "Appendix A",
          "The field table says digitalSignature is set if and only if the SVID is a leaf, but"
              + " §4.3 does not forbid it on signing certificates and go-spiffe's own good test"
              + " intermediate has it. Nothing to fix.");
  static final Rule SIGNING_NOT_SVID =
      new Rule(
          "SVID-SIGNING-NOT-SVID",
          INFO,
          "signing certificate carries no SPIFFE ID",
          SPEC + "§3.2 (X-8); SPIFFE-ID §3.1 (ID-15)",
          "A signing certificate should itself be an SVID with the ID spiffe://TRUST_DOMAIN."
              + " Istio's CA and many plugged-in CAs omit it; validation does not need it.");
  static final Rule SIGNING_URI_NAME_CONSTRAINTS =
      new Rule(
          "SVID-SIGNING-URI-NAME-CONSTRAINTS",
          INFO,
          "signing certificate has URI name constraints",
          SPEC + "§4.2 (X-11)",
          "URI name constraints are allowed, but many X.509 libraries do not support them and"
              + " reject the whole chain. Check that every peer's TLS stack accepts them.");

  static final List<Rule> RULES =
      List.of(
          SIGNING_NOT_CA,
          SIGNING_NO_KEY_CERT_SIGN,
          SIGNING_ID_HAS_PATH,
          SIGNING_DIGITAL_SIGNATURE,
          SIGNING_NOT_SVID,
          SIGNING_URI_NAME_CONSTRAINTS);

  private SvidSigningRules() {}

  static void check(Subject s, List<Finding> out) {
    CertificateFacts c = s.cert();
    if (!c.ca()) {
      out.add(
          SIGNING_NOT_CA.about(
              c,
              c.extension("2.5.29.19").isPresent()
                  ? "basicConstraints says cA=false"
                  : "It has no basicConstraints extension"));
    }
    c.keyUsage()
        .ifPresent(
            ku -> {
              if (!ku.contains(KeyUsageBit.KEY_CERT_SIGN)) {
                out.add(SIGNING_NO_KEY_CERT_SIGN.about(c, "Key usage is " + SvidRules.labels(ku)));
              }
              if (ku.contains(KeyUsageBit.DIGITAL_SIGNATURE)) {
                out.add(SIGNING_DIGITAL_SIGNATURE.about(c, "Key usage is " + SvidRules.labels(ku)));
              }
            });
    c.extension("2.5.29.30")
        .filter(e -> e.lines().stream().anyMatch(l -> l.strip().startsWith("URI:")))
        .ifPresent(
            e -> out.add(SIGNING_URI_NAME_CONSTRAINTS.about(c, String.join(" ", e.lines()))));
  }
}
