package dev.meshcert.core.finding;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the lints need to know besides the certificates.
 *
 * @param at the instant validity, expiry and rotation are judged at
 * @param expectedIdentity the pod's namespace and service account, when the certificate was taken
 *     from a known pod
 * @param profile the mesh conventions to apply; empty to detect them from the certificates (see
 *     {@link MeshProfiles#detect})
 * @param roles role hints by certificate SHA-256 (lowercase hex), for example the first certificate
 *     of an Envoy {@code tls_certificate} chain is a LEAF, the certificates of a trust bundle are
 *     ROOTs; certificates without a hint get a role from their chain position and shape
 */
public record LintContext(
    Instant at,
    Optional<ExpectedIdentity> expectedIdentity,
    Optional<MeshProfile> profile,
    Map<String, CertificateRole> roles) {

  public LintContext {
    roles = Map.copyOf(roles);
  }

  /** No identity, profile detected, no hints. */
  public static LintContext at(Instant at) {
    return new LintContext(at, Optional.empty(), Optional.empty(), Map.of());
  }

  /** A copy expecting this pod identity. */
  public LintContext withExpectedIdentity(ExpectedIdentity identity) {
    return new LintContext(at, Optional.of(identity), profile, roles);
  }

  /** A copy with this profile instead of detection. */
  public LintContext withProfile(MeshProfile p) {
    return new LintContext(at, expectedIdentity, Optional.of(p), roles);
  }

  /** A copy with one more role hint. */
  public LintContext withRole(String sha256, CertificateRole role) {
    Map<String, CertificateRole> m = new HashMap<>(roles);
    m.put(sha256, role);
    return new LintContext(at, expectedIdentity, profile, m);
  }

  /** The hinted role of a certificate. */
  public Optional<CertificateRole> role(String sha256) {
    return Optional.ofNullable(roles.get(sha256));
  }
}
