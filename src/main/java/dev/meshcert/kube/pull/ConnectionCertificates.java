package dev.meshcert.kube.pull;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.kube.FetchedCertificates;
import dev.meshcert.kube.KubeException;
import dev.meshcert.mesh.workload.CertSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Other data planes' mounted certificate files (the cert-manager CSI driver's {@code tls.crt} and
 * {@code ca.crt}): read through the connection's own {@code certificates(...)}, which cats the
 * certificate files only. Certificates flagged as CAs are taken as the roots the pod holds.
 */
final class ConnectionCertificates implements Strategy {

  private final CertSource source;

  ConnectionCertificates(CertSource source) {
    this.source = source;
  }

  @Override
  public String name() {
    return "read " + source.describe();
  }

  @Override
  public PulledChain pull(PodContext pod) throws KubeException, PullException {
    FetchedCertificates fetched = pod.cluster().certificates(pod.pod(), source, pod.cancellation());
    List<String> notes = new ArrayList<>();
    List<CertificateFacts> all = CertificateFiles.decode(fetched.content(), fetched.name(), notes);
    if (all.isEmpty()) {
      throw new PullException(fetched.name() + " holds no certificate");
    }
    List<CertificateFacts> chain = new ArrayList<>();
    List<CertificateFacts> roots = new ArrayList<>();
    for (CertificateFacts c : all) {
      (c.ca() && c.selfIssued() && !chain.isEmpty() ? roots : chain).add(c);
    }
    return new PulledChain(fetched.name(), chain, roots, Optional.empty(), Optional.empty(), notes);
  }
}
