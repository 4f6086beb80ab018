package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Sidecar;
import java.util.List;
import java.util.Optional;

/**
 * One mesh data plane found on a pod, and why we think so.
 *
 * @param plane the data plane
 * @param evidence what in the pod spec shows it, one fact per entry ("container istio-proxy
 *     (docker.io/istio/proxyv2:1.24.2)"), never empty
 * @param sidecar the proxy container, when the plane injects one
 * @param revision the control-plane revision or proxy version that manages it, when known
 * @param certSources where its certificates can be read
 * @param warnings things that look wrong ("no ztunnel runs on node n1")
 */
public record DataPlaneDetection(
    DataPlane plane,
    List<String> evidence,
    Optional<Sidecar> sidecar,
    Optional<String> revision,
    List<CertSource> certSources,
    List<String> warnings) {

  /** Copies the lists. */
  public DataPlaneDetection {
    evidence = List.copyOf(evidence);
    certSources = List.copyOf(certSources);
    warnings = List.copyOf(warnings);
  }
}
