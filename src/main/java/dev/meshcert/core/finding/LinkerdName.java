package dev.meshcert.core.finding;

import dev.meshcert.core.spiffe.SpiffeId.KubernetesIdentity;
import java.util.Optional;

/** Linkerd workload identities: {@code SA.NS.serviceaccount.identity.LINKERD_NS.TRUST_DOMAIN}. */
final class LinkerdName {
  private LinkerdName() {}

  /** The namespace and service account a name carries, when it has the profile's form. */
  static Optional<KubernetesIdentity> parse(String name, MeshProfile.Linkerd profile) {
    String suffix = ".serviceaccount." + profile.identitySuffix();
    if (!name.endsWith(suffix)) {
      return Optional.empty();
    }
    return parts(name.substring(0, name.length() - suffix.length()));
  }

  /** The namespace and service account of any name of the form, whatever mesh suffix it has. */
  static Optional<KubernetesIdentity> parseAny(String name) {
    int i = name.indexOf(".serviceaccount.identity.");
    return i < 0 ? Optional.empty() : parts(name.substring(0, i));
  }

  private static Optional<KubernetesIdentity> parts(String saDotNs) {
    String[] p = saDotNs.split("\\.", -1);
    if (p.length != 2 || p[0].isEmpty() || p[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new KubernetesIdentity(p[1], p[0]));
  }
}
