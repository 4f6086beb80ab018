package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Workload;
import java.util.Map;
import java.util.Optional;

/**
 * Istio ambient mode: the {@code istio.io/dataplane-mode=ambient} label on the pod or its
 * namespace, the redirection annotation istio-cni writes once traffic is captured, the ztunnel of
 * the pod's node, and the waypoint it is told to use. A pod with an Istio sidecar is never captured
 * by ztunnel, and {@code istio.io/dataplane-mode=none} on the pod opts it out.
 */
final class IstioAmbientRule implements DataPlaneRule {

  static final String MODE = "istio.io/dataplane-mode";
  static final String REDIRECTION = "ambient.istio.io/redirection";
  static final String USE_WAYPOINT = "istio.io/use-waypoint";

  @Override
  public Optional<DataPlaneDetection> detect(Workload pod, DetectionContext context) {
    if (pod.runningContainer(IstioSidecarRule.PROXY).isPresent()) {
      return Optional.empty();
    }
    String podMode = pod.labels().get(MODE);
    if ("none".equals(podMode)) {
      return Optional.empty();
    }
    Map<String, String> nsLabels = context.namespaceLabels(pod.namespace());
    boolean redirected = "enabled".equals(pod.annotations().get(REDIRECTION));
    DetectionBuilder b = new DetectionBuilder(DataPlane.ISTIO_AMBIENT);
    if ("ambient".equals(podMode)) {
      b.evidence("label " + MODE + "=ambient");
    } else if (podMode == null && "ambient".equals(nsLabels.get(MODE))) {
      b.evidence("namespace " + pod.namespace() + " label " + MODE + "=ambient");
    }
    if (redirected) {
      b.evidence("annotation " + REDIRECTION + "=enabled (traffic captured by istio-cni)");
    } else if (b.hasEvidence() && pod.phase().equals("Running")) {
      b.warning(
          "enrolled by label but not captured yet: istio-cni has not set "
              + REDIRECTION
              + " (is the istio-cni node agent running on this node?)");
    }
    if (!b.hasEvidence()) {
      return Optional.empty();
    }
    ztunnel(pod, context, b);
    waypoint(pod, nsLabels, context, b);
    return b.build();
  }

  private static void ztunnel(Workload pod, DetectionContext context, DetectionBuilder b) {
    if (pod.node().isEmpty()) {
      b.warning("the pod is not scheduled on a node yet, so no ztunnel serves it");
      return;
    }
    Workload z = context.ztunnelsByNode().get(pod.node().get());
    if (z == null) {
      b.warning(
          "no ztunnel pod found on node "
              + pod.node().get()
              + ": its traffic is not secured (is the ztunnel DaemonSet running there?)");
      return;
    }
    b.evidence("ztunnel " + z.ref() + " on node " + pod.node().get());
    b.certSource(new CertSource.ZtunnelAdmin(z.namespace(), z.name(), 15000));
  }

  private static void waypoint(
      Workload pod, Map<String, String> nsLabels, DetectionContext context, DetectionBuilder b) {
    String where = "pod";
    String name = pod.labels().get(USE_WAYPOINT);
    String ns = pod.labels().get(USE_WAYPOINT + "-namespace");
    if (name == null) {
      name = nsLabels.get(USE_WAYPOINT);
      ns = nsLabels.get(USE_WAYPOINT + "-namespace");
      where = "namespace";
    }
    if (name == null || name.equals("#none") || name.equals("none")) {
      return;
    }
    String key = (ns == null ? pod.namespace() : ns) + "/" + name;
    b.evidence("uses waypoint " + key + " (" + where + " label " + USE_WAYPOINT + ")");
    if (!context.waypoints().containsKey(key)) {
      b.warning("waypoint " + key + " has no running proxy pod: L7 policies will not apply");
    }
  }
}
