package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lints one certificate: RFC 5280 basics and validity always; the X.509-SVID and SPIFFE-ID rules
 * under the SPIFFE or Istio profile; Istio's and Linkerd's own rules under theirs; the pod identity
 * when the context names one; rotation under any profile. Stateless and thread-safe.
 */
public final class CertificateLints {

  private CertificateLints() {}

  /**
   * Lints a certificate on its own: its role from the context's hint or its shape ({@link
   * Roles#fromShape}), the profile from the context or detected from this certificate alone.
   *
   * @return findings, most severe first; empty when nothing is wrong
   */
  public static List<Finding> lint(CertificateFacts cert, LintContext ctx) {
    Optional<MeshProfile> profile = ctx.profile().or(() -> MeshProfiles.detect(List.of(cert)));
    return lint(cert, Roles.alone(cert, ctx), profile, ctx);
  }

  /**
   * Lints a certificate in a known role under a known profile (empty: none, only the RFC 5280 and
   * validity rules and the identity check apply).
   *
   * @return findings, most severe first; empty when nothing is wrong
   */
  public static List<Finding> lint(
      CertificateFacts cert, CertificateRole role, Optional<MeshProfile> profile, LintContext ctx) {
    Subject s = new Subject(cert, role, profile, ctx);
    List<Finding> out = new ArrayList<>();
    X509Rules.check(s, out);
    SvidRules.check(s, out);
    IstioRules.check(s, out);
    LinkerdRules.check(s, out);
    IdentityRules.check(s, out);
    RotationRules.check(s, out);
    return sorted(out);
  }

  static List<Finding> sorted(List<Finding> findings) {
    return findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
  }
}
