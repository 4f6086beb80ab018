package dev.meshcert.kube.pull;

import dev.meshcert.kube.ReadCommand;
import dev.meshcert.mesh.detect.DataPlaneDetection;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.DataPlane;
import java.util.ArrayList;
import java.util.List;

/** The strategies for a pod, in the order they are tried, from its detected data planes. */
final class Strategies {

  static final String ISTIO_PROXY = "istio-proxy";
  static final String SPIFFE_CREDENTIALS = "/var/run/secrets/workload-spiffe-credentials";
  static final String LEGACY_CERTS = "/etc/certs";

  private Strategies() {}

  /**
   * @param demo whether the cluster is the built-in demo: its Linkerd proxies run no TLS server
   *     (only {@code probe} may build TLS contexts), so after the handshake the demo's own {@code
   *     certificates(...)} is asked, and the attempts show both
   */
  static List<Strategy> forPod(WorkloadStatus status, boolean demo) {
    List<Strategy> out = new ArrayList<>();
    for (DataPlaneDetection d : status.dataPlane().detections()) {
      for (CertSource source : d.certSources()) {
        add(d.plane(), source, out);
        if (demo && source instanceof CertSource.LinkerdProxy) {
          out.add(new ConnectionCertificates(source));
        }
      }
    }
    return out;
  }

  private static void add(DataPlane plane, CertSource source, List<Strategy> out) {
    if (source instanceof CertSource.EnvoyAdmin e && plane == DataPlane.ISTIO_SIDECAR) {
      out.add(new EnvoyAdminPortForward(e.port()));
      out.add(new PilotAgentExec(e.container()));
      out.add(new CertificateFiles(e.container(), LEGACY_CERTS));
      out.add(new CertificateFiles(e.container(), SPIFFE_CREDENTIALS));
    } else if (source instanceof CertSource.MountedFiles f
        && ReadCommand.DIRECTORIES.contains(f.directory())) {
      // /etc/certs is tried with the sidecar's strategies already
      if (out.stream().noneMatch(s -> s.name().contains(f.directory()))) {
        out.add(new CertificateFiles(f.container(), f.directory()));
      }
    } else if (source instanceof CertSource.ZtunnelAdmin z) {
      out.add(new ZtunnelAdmin(z));
    } else if (source instanceof CertSource.LinkerdProxy l) {
      out.add(new LinkerdHandshake(l.container(), l.adminPort()));
    } else if (source instanceof CertSource.MountedFiles) {
      out.add(new ConnectionCertificates(source));
    }
  }
}
