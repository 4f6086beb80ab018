package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.Optional;

/** A certificate as the rules see it: with its role and the profile that applies. */
record Subject(
    CertificateFacts cert, CertificateRole role, Optional<MeshProfile> profile, LintContext ctx) {

  boolean spiffe() {
    return profile.map(MeshProfile::spiffe).orElse(false);
  }

  boolean leaf() {
    return role == CertificateRole.LEAF;
  }

  Optional<MeshProfile.Istio> istio() {
    return profile.filter(MeshProfile.Istio.class::isInstance).map(MeshProfile.Istio.class::cast);
  }

  Optional<MeshProfile.Linkerd> linkerd() {
    return profile
        .filter(MeshProfile.Linkerd.class::isInstance)
        .map(MeshProfile.Linkerd.class::cast);
  }
}
