package dev.meshcert.kube.pull;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.Operation;
import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.ztunnel.ZtunnelCert;
import dev.meshcert.mesh.ztunnel.ZtunnelCertificate;
import dev.meshcert.mesh.ztunnel.ZtunnelDump;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Istio ambient: the ztunnel of the pod's node holds the certificate of every identity on the node.
 * Port-forward to its admin port, {@code GET /config_dump}, and take the {@code certificates} entry
 * whose identity names the pod's namespace and service account (the trust domain is whatever the
 * mesh uses). Old and new dump layouts are both read by {@code mesh.ztunnel}.
 */
final class ZtunnelAdmin implements Strategy {

  private final CertSource.ZtunnelAdmin ztunnel;

  ZtunnelAdmin(CertSource.ZtunnelAdmin ztunnel) {
    this.ztunnel = ztunnel;
  }

  @Override
  public String name() {
    return "port-forward ztunnel "
        + ztunnel.namespace()
        + "/"
        + ztunnel.pod()
        + " :"
        + ztunnel.port()
        + " GET /config_dump";
  }

  @Override
  public PulledChain pull(PodContext pod) throws KubeException, PullException {
    ZtunnelDump dump;
    try {
      dump = pod.ztunnels().dump(ztunnel, pod.cancellation());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubeException(
          new KubeFailure.Cancelled(
              new Operation("create", "pods/portforward", Optional.of(ztunnel.namespace()))));
    }
    String suffix = "/ns/" + pod.pod().namespace() + "/sa/" + pod.pod().serviceAccount();
    List<ZtunnelCertificate> mine =
        dump.certificates().stream().filter(c -> c.identity().endsWith(suffix)).toList();
    Optional<ZtunnelCertificate> usable =
        mine.stream()
            .filter(c -> c.chain().stream().anyMatch(e -> !e.certificates().isEmpty()))
            .findFirst();
    if (usable.isEmpty()) {
      throw new PullException(
          mine.isEmpty()
              ? "ztunnel "
                  + ztunnel.pod()
                  + " holds no certificate for an identity ending in "
                  + suffix
                  + " (it fetches one once a pod with that identity runs on its node)"
              : "ztunnel's certificate for "
                  + mine.get(0).identity()
                  + " is not available: "
                  + mine.get(0).state());
    }
    ZtunnelCertificate cert = usable.get();
    List<CertificateFacts> chain = new ArrayList<>();
    List<CertificateFacts> roots = new ArrayList<>();
    for (ZtunnelCert c : cert.all()) {
      (c.role() == ZtunnelCert.Role.ROOT ? roots : chain).addAll(c.certificates());
    }
    List<String> notes = new ArrayList<>();
    dump.problems().forEach(p -> notes.add(p.toString()));
    return new PulledChain(
        "ztunnel " + ztunnel.namespace() + "/" + ztunnel.pod() + " config_dump, " + cert.identity(),
        chain,
        roots,
        Optional.of(cert.state()),
        Optional.empty(),
        notes);
  }
}
