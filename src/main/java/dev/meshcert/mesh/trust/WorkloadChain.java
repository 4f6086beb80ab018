package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.spiffe.SpiffeIdParser;
import java.util.List;
import java.util.Optional;

/**
 * The certificates one workload was found with: the chain it presents to peers and the roots it
 * verifies peers against.
 *
 * @param workload what people know it by: "bookinfo/reviews-v1-abc", a SPIFFE identity for a
 *     ztunnel entry, or a file name; not null
 * @param chain the chain as served, leaf first; never empty
 * @param bundle the roots the workload holds (Envoy's {@code ROOTCA}, {@code root-cert.pem},
 *     ztunnel's {@code rootCert}); empty when not known
 * @param source where the certificates were read from ("config_dump of ...", a path)
 */
public record WorkloadChain(
    String workload, List<CertificateFacts> chain, List<CertificateFacts> bundle, String source) {

  public WorkloadChain {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a workload chain has at least one certificate");
    }
    chain = List.copyOf(chain);
    bundle = List.copyOf(bundle.stream().distinct().toList());
  }

  /** The certificate the workload presents. */
  public CertificateFacts leaf() {
    return chain.get(0);
  }

  /** The identity the leaf carries: its SPIFFE ID, else its first DNS name, else its subject. */
  public String identity() {
    CertificateFacts leaf = leaf();
    return leaf.spiffeUri()
        .or(() -> leaf.dnsSans().stream().findFirst())
        .orElse(leaf.subject().isEmpty() ? "(no identity)" : leaf.subject());
  }

  /**
   * The trust domain the leaf belongs to: a SPIFFE ID's trust domain, a Linkerd identity's suffix
   * ("identity.linkerd.cluster.local"), else empty.
   */
  public Optional<String> trustDomain() {
    Optional<String> spiffe =
        leaf().spiffeUri().flatMap(u -> SpiffeIdParser.parse(u).id()).map(id -> id.trustDomain());
    if (spiffe.isPresent()) {
      return spiffe;
    }
    for (String dns : leaf().dnsSans()) {
      int at = dns.indexOf(".serviceaccount.identity.");
      if (at > 0) {
        return Optional.of(dns.substring(at + ".serviceaccount.".length()));
      }
    }
    return Optional.empty();
  }

  /** Whether the bundle is known. */
  public boolean bundleKnown() {
    return !bundle.isEmpty();
  }
}
