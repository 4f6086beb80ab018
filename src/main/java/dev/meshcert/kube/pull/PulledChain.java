package dev.meshcert.kube.pull;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.Optional;

/**
 * The certificates one pod's data plane holds, as read: the chain it presents and the roots it
 * trusts. Never a private key.
 *
 * @param source where they were read ("Envoy admin config_dump (port-forward :15000)")
 * @param chain the chain the workload presents, leaf first, as served (intermediates, sometimes the
 *     root)
 * @param roots the trust bundle the data plane holds (Envoy's ROOTCA, ztunnel's root_cert,
 *     Linkerd's trust anchors); may be empty
 * @param state the state the data plane reports, when it reports one ("ACTIVE", "Available")
 * @param keyMatchesLeaf for files read with their key: whether the key belongs to the leaf (the key
 *     itself is dropped)
 * @param notes what was odd but did not stop the read (undecodable entries, a warming secret)
 */
public record PulledChain(
    String source,
    List<CertificateFacts> chain,
    List<CertificateFacts> roots,
    Optional<String> state,
    Optional<Boolean> keyMatchesLeaf,
    List<String> notes) {

  /** Copies the lists. */
  public PulledChain {
    chain = List.copyOf(chain);
    roots = List.copyOf(roots);
    notes = List.copyOf(notes);
  }

  /** The leaf, when the chain is not empty. */
  public Optional<CertificateFacts> leaf() {
    return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
  }
}
