package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Workload;
import java.util.Optional;

/**
 * Istio's ztunnel itself: the per-node proxy of ambient mode, a DaemonSet pod labelled {@code
 * app=ztunnel} (its container is also named {@code istio-proxy}, which must not make it an Istio
 * sidecar). It is infrastructure, not a workload: it carries the mTLS of the ambient pods on its
 * node, and the certificates it holds are theirs.
 */
final class IstioZtunnelRule implements DataPlaneRule {

  /** Whether {@code pod} is a ztunnel node proxy by its {@code app} label. */
  static boolean isZtunnel(Workload pod) {
    return DetectionContext.ZTUNNEL_APP.equals(pod.labels().get("app"));
  }

  @Override
  public Optional<DataPlaneDetection> detect(Workload pod, DetectionContext context) {
    if (!isZtunnel(pod)) {
      return Optional.empty();
    }
    DetectionBuilder b = new DetectionBuilder(DataPlane.ISTIO_ZTUNNEL);
    b.evidence("label app=ztunnel (the ambient node proxy)");
    Optional<Container> proxy =
        pod.runningContainer(IstioSidecarRule.PROXY).or(() -> pod.runningContainer("ztunnel"));
    proxy.ifPresent(c -> b.proxy(pod, c, c.imageTag()));
    b.evidence(
        pod.node()
            .map(n -> "serves the ambient pods of node " + n)
            .orElse("not scheduled on a node yet"));
    return b.build();
  }
}
