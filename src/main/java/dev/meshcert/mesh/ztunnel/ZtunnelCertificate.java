package dev.meshcert.mesh.ztunnel;

import java.util.List;

/**
 * One entry of a ztunnel dump's {@code certificates}: the certificate ztunnel holds (or tries to
 * get) for one workload identity.
 *
 * @param identity the SPIFFE identity, as given
 * @param state the state as given ("Available", "Initializing", "Unavailable: signing gRPC error
 *     ...")
 * @param chain the {@code certChain} elements, leaf first; in the legacy format the last one is the
 *     root
 * @param roots the {@code rootCert} elements of newer ztunnel versions; empty in the legacy format
 */
public record ZtunnelCertificate(
    String identity, String state, List<ZtunnelCert> chain, List<ZtunnelCert> roots) {

  public ZtunnelCertificate {
    chain = List.copyOf(chain);
    roots = List.copyOf(roots);
  }

  /** The state as istioctl prints it: any state containing "Unavailable" is "Unavailable". */
  public String shortState() {
    return state.contains("Unavailable") ? "Unavailable" : state;
  }

  /** The chain followed by the roots. */
  public List<ZtunnelCert> all() {
    return java.util.stream.Stream.concat(chain.stream(), roots.stream()).toList();
  }
}
