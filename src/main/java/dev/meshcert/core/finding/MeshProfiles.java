package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.spiffe.SpiffeId;
import dev.meshcert.core.spiffe.SpiffeIdParser;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the mesh from certificates, when the caller does not say. Deliberately simple; the rules,
 * first match wins:
 *
 * <ol>
 *   <li>Linkerd: a DNS SAN {@code SA.NS.serviceaccount.identity.CPNS.TD} (trust domain and
 *       control-plane namespace taken from it), or a CA whose CN or DNS SAN is {@code
 *       identity.linkerd.TD} (the issuer Linkerd's installer names).
 *   <li>Istio: the first certificate has a SPIFFE ID {@code spiffe://TD/ns/NS/sa/SA} and a CA in
 *       the list has the subject {@code O=TD} (what istiod's self-signed CA looks like), or a
 *       self-signed CA has the subject {@code O=cluster.local}.
 *   <li>SPIFFE: any certificate has a {@code spiffe://} URI SAN.
 *   <li>otherwise none: only the RFC 5280 and validity rules apply.
 * </ol>
 */
public final class MeshProfiles {

  private static final Pattern LINKERD_LEAF =
      Pattern.compile("^[^.]+\\.[^.]+\\.serviceaccount\\.identity\\.([^.]+)\\.(.+)$");
  private static final Pattern LINKERD_ISSUER = Pattern.compile("^identity\\.linkerd\\.(.+)$");

  private MeshProfiles() {}

  /** The profile the certificates (a chain, leaf first, or a single certificate) suggest. */
  public static Optional<MeshProfile> detect(List<CertificateFacts> certs) {
    Optional<MeshProfile> linkerd = linkerd(certs);
    if (linkerd.isPresent()) {
      return linkerd;
    }
    Optional<MeshProfile> istio = istio(certs);
    if (istio.isPresent()) {
      return istio;
    }
    if (certs.stream().anyMatch(c -> c.spiffeUri().isPresent())) {
      return Optional.of(new MeshProfile.Spiffe());
    }
    return Optional.empty();
  }

  private static Optional<MeshProfile> linkerd(List<CertificateFacts> certs) {
    for (CertificateFacts c : certs) {
      for (String dns : c.dnsSans()) {
        Matcher m = LINKERD_LEAF.matcher(dns);
        if (m.matches()) {
          return Optional.of(new MeshProfile.Linkerd(m.group(2), m.group(1)));
        }
      }
    }
    for (CertificateFacts c : certs) {
      if (!c.ca()) {
        continue;
      }
      for (String name : names(c)) {
        Matcher m = LINKERD_ISSUER.matcher(name);
        if (m.matches()) {
          return Optional.of(new MeshProfile.Linkerd(m.group(1), "linkerd"));
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> names(CertificateFacts c) {
    List<String> names = new java.util.ArrayList<>(c.dnsSans());
    names.add(c.commonName());
    return names;
  }

  private static Optional<MeshProfile> istio(List<CertificateFacts> certs) {
    if (certs.isEmpty()) {
      return Optional.empty();
    }
    Optional<SpiffeId> id = certs.get(0).spiffeUri().flatMap(u -> SpiffeIdParser.parse(u).id());
    if (id.isPresent() && id.get().kubernetes().isPresent()) {
      String org = "O=" + id.get().trustDomain();
      if (certs.stream().anyMatch(c -> c.ca() && c.subject().equals(org))) {
        return Optional.of(new MeshProfile.Istio(id.get().trustDomain()));
      }
    }
    if (certs.stream()
        .anyMatch(c -> c.ca() && c.subject().equals("O=cluster.local") && Roles.selfSigned(c))) {
      return Optional.of(new MeshProfile.Istio("cluster.local"));
    }
    return Optional.empty();
  }
}
