package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.Workload;
import java.util.List;
import java.util.Optional;

/**
 * Finds the mesh data planes of a pod from its spec, each with the evidence that shows it. Proxies
 * come first (Istio sidecar, Istio ambient, Linkerd, Consul, Kuma, OSM, NGINX, App Mesh), then
 * CSI-delivered certificates (SPIRE, cert-manager). Stateless and thread-safe.
 */
public final class SidecarDetector {

  private final List<DataPlaneRule> rules =
      List.of(
          new IstioZtunnelRule(),
          new IstioSidecarRule(),
          new IstioAmbientRule(),
          new LinkerdRule(),
          EnvoyMeshRule.consul(),
          EnvoyMeshRule.kuma(),
          EnvoyMeshRule.osm(),
          EnvoyMeshRule.nginx(),
          EnvoyMeshRule.appMesh(),
          CsiVolumeRule.spire(),
          CsiVolumeRule.certManager());

  /** Detects the data planes of {@code pod}; never null, empty detections for a plain pod. */
  public DataPlaneReport detect(Workload pod, DetectionContext context) {
    List<DataPlaneDetection> found =
        rules.stream().map(r -> r.detect(pod, context)).flatMap(Optional::stream).toList();
    return new DataPlaneReport(pod.ref(), found);
  }
}
