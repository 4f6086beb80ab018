package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Severity.ERROR;
import static dev.meshcert.core.finding.Severity.WARNING;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.ExtensionFacts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The RFC 5280 rules that matter off the Web PKI, and validity at the instant. Applied to every
 * certificate. Web-PKI-only rules (such as "SAN may only hold DNS names and IP addresses") are
 * deliberately absent: mesh certificates break them by design.
 */
final class X509Rules {

  private static final String SAN_OID = "2.5.29.17";
  private static final int MAX_SERIAL_OCTETS = 20;

  static final Rule SERIAL_NEGATIVE =
      new Rule(
          "X509-SERIAL-NEGATIVE",
          ERROR,
          "serial number is negative",
          "RFC 5280 §4.1.2.2",
          "Serial numbers must be positive. Go's crypto/x509 (Istio's agent and istiod, Linkerd's"
              + " control plane, SPIRE) refuses to parse such a certificate. Reissue it with a"
              + " positive serial.");
  static final Rule SERIAL_ZERO =
      new Rule(
          "X509-SERIAL-ZERO",
          WARNING,
          "serial number is zero",
          "RFC 5280 §4.1.2.2",
          "Serial numbers must be positive. Most TLS stacks still accept zero, but two certificates"
              + " from the same CA with serial 0 cannot be told apart in revocation lists or logs.");
  static final Rule SERIAL_TOO_LONG =
      new Rule(
          "X509-SERIAL-TOO-LONG",
          WARNING,
          "serial number is longer than 20 octets",
          "RFC 5280 §4.1.2.2",
          "CAs must not use serials longer than 20 octets; some validators refuse them. Configure"
              + " the issuing CA to use at most 159 random bits.");
  static final Rule EXTENSION_DUPLICATE =
      new Rule(
          "X509-EXTENSION-DUPLICATE",
          ERROR,
          "extension appears more than once",
          "RFC 5280 §4.2",
          "A certificate must not include more than one instance of an extension; Go, OpenSSL"
              + " and Bouncy Castle refuse such certificates. Reissue it.");
  static final Rule EMPTY_SUBJECT_SAN_NOT_CRITICAL =
      new Rule(
          "X509-EMPTY-SUBJECT-SAN-NOT-CRITICAL",
          ERROR,
          "subject is empty but the SAN extension is not critical",
          "RFC 5280 §4.1.2.6, §4.2.1.6; SPIFFE X509-SVID §3.1 (X-5)",
          "With an empty subject the identity lives only in the subjectAltName, so the extension"
              + " must be marked critical; strict validators reject the certificate otherwise."
              + " Istio marks it critical; fix the issuing CA's template.");
  static final Rule EMPTY_SUBJECT_NO_SAN =
      new Rule(
          "X509-EMPTY-SUBJECT-NO-SAN",
          ERROR,
          "subject is empty and there is no SAN",
          "RFC 5280 §4.1.2.6, §4.2.1.6",
          "A certificate with an empty subject must name its subject in a critical"
              + " subjectAltName; this one names nobody, so no peer can authorise it.");
  static final Rule VALIDITY_INVERTED =
      new Rule(
          "VALIDITY-INVERTED",
          ERROR,
          "notBefore is after notAfter",
          "RFC 5280 §4.1.2.5",
          "The certificate is never valid. The issuer's clock or TTL settings are wrong; reissue"
              + " it.");
  static final Rule VALIDITY_EXPIRED =
      new Rule(
          "VALIDITY-EXPIRED",
          ERROR,
          "certificate has expired",
          "RFC 5280 §4.1.2.5, §6.1.3",
          "Peers reject expired certificates. For a workload certificate this means rotation"
              + " stopped (check the agent or proxy logs); for a CA, replace it and re-issue what"
              + " it signed.");
  static final Rule VALIDITY_NOT_YET_VALID =
      new Rule(
          "VALIDITY-NOT-YET-VALID",
          ERROR,
          "certificate is not valid yet",
          "RFC 5280 §4.1.2.5, §6.1.3",
          "Peers reject a certificate before its notBefore. Either it was issued for the future or"
              + " the clocks of the issuer and this machine disagree.");

  static final List<Rule> RULES =
      List.of(
          SERIAL_NEGATIVE,
          SERIAL_ZERO,
          SERIAL_TOO_LONG,
          EXTENSION_DUPLICATE,
          EMPTY_SUBJECT_SAN_NOT_CRITICAL,
          EMPTY_SUBJECT_NO_SAN,
          VALIDITY_INVERTED,
          VALIDITY_EXPIRED,
          VALIDITY_NOT_YET_VALID);

  private X509Rules() {}

  static void check(Subject s, List<Finding> out) {
    CertificateFacts c = s.cert();
    serial(c, out);
    duplicates(c, out);
    if (c.subjectEmpty()) {
      Optional<ExtensionFacts> san = c.extension(SAN_OID);
      if (san.isEmpty()) {
        out.add(EMPTY_SUBJECT_NO_SAN.about(c, ""));
      } else if (!san.get().critical()) {
        out.add(EMPTY_SUBJECT_SAN_NOT_CRITICAL.about(c, "The SAN is " + c.subjectAltNames()));
      }
    }
    validity(c, s.ctx(), out);
  }

  private static void serial(CertificateFacts c, List<Finding> out) {
    BigInteger serial = c.serial();
    if (serial.signum() < 0) {
      out.add(SERIAL_NEGATIVE.about(c, "The serial is " + serial));
    } else if (serial.signum() == 0) {
      out.add(SERIAL_ZERO.about(c, ""));
    }
    int octets = serial.toByteArray().length;
    if (octets > MAX_SERIAL_OCTETS) {
      out.add(SERIAL_TOO_LONG.about(c, "The serial is " + octets + " octets long"));
    }
  }

  /**
   * Relies on {@link CertificateFacts#extensions()} listing every extension as encoded. Bouncy
   * Castle's parser refuses certificates with a repeated extension, so today such a certificate
   * never decodes and is reported by the reader instead; the rule covers decoders that keep them.
   */
  private static void duplicates(CertificateFacts c, List<Finding> out) {
    Set<String> seen = new HashSet<>();
    List<String> repeated = new ArrayList<>();
    for (ExtensionFacts e : c.extensions()) {
      if (!seen.add(e.oid()) && !repeated.contains(e.oid())) {
        repeated.add(e.oid());
      }
    }
    for (String oid : repeated) {
      out.add(EXTENSION_DUPLICATE.about(c, "Extension " + name(c, oid) + " is repeated"));
    }
  }

  private static String name(CertificateFacts c, String oid) {
    return c.extension(oid)
        .map(e -> e.name().equals(oid) ? oid : e.name() + " (" + oid + ")")
        .orElse(oid);
  }

  private static void validity(CertificateFacts c, LintContext ctx, List<Finding> out) {
    if (c.notBefore().isAfter(c.notAfter())) {
      out.add(VALIDITY_INVERTED.about(c, "Valid from " + c.notBefore() + " to " + c.notAfter()));
    } else if (ctx.at().isAfter(c.notAfter())) {
      out.add(VALIDITY_EXPIRED.about(c, "It expired on " + c.notAfter()));
    } else if (ctx.at().isBefore(c.notBefore())) {
      out.add(VALIDITY_NOT_YET_VALID.about(c, "It is valid from " + c.notBefore()));
    }
  }
}
