package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.Workload;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What pod detection needs beyond the pod itself: its namespace's labels, the ztunnel on each node
 * and the waypoint proxies of each namespace.
 *
 * @param namespaces namespaces by name (absent ones are treated as unlabelled)
 * @param ztunnelsByNode the ztunnel pod serving each node
 * @param waypoints waypoint proxy pods, keyed "namespace/gateway-name"
 */
public record DetectionContext(
    Map<String, Namespace> namespaces,
    Map<String, Workload> ztunnelsByNode,
    Map<String, Workload> waypoints) {

  /** The label Istio's ztunnel DaemonSet puts on its pods. */
  public static final String ZTUNNEL_APP = "ztunnel";

  /** The label naming the Gateway a waypoint pod serves. */
  public static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

  /** Copies the maps. */
  public DetectionContext {
    namespaces = Map.copyOf(namespaces);
    ztunnelsByNode = Map.copyOf(ztunnelsByNode);
    waypoints = Map.copyOf(waypoints);
  }

  /** A context with no namespaces, ztunnels or waypoints. */
  public static DetectionContext empty() {
    return new DetectionContext(Map.of(), Map.of(), Map.of());
  }

  /**
   * Builds the context from everything listed: ztunnels are pods labelled {@code app=ztunnel},
   * waypoints are pods managed by Istio's mesh controller for a Gateway.
   */
  public static DetectionContext of(Collection<Namespace> namespaces, List<Workload> pods) {
    Map<String, Namespace> byName = new LinkedHashMap<>();
    namespaces.forEach(n -> byName.put(n.name(), n));
    Map<String, Workload> ztunnels = new LinkedHashMap<>();
    Map<String, Workload> waypoints = new LinkedHashMap<>();
    for (Workload pod : pods) {
      if (ZTUNNEL_APP.equals(pod.labels().get("app")) && pod.node().isPresent()) {
        ztunnels.putIfAbsent(pod.node().get(), pod);
      }
      if (isWaypoint(pod)) {
        waypoints.putIfAbsent(pod.namespace() + "/" + pod.labels().get(GATEWAY_NAME_LABEL), pod);
      }
    }
    return new DetectionContext(byName, ztunnels, waypoints);
  }

  /** Whether a pod is a waypoint proxy deployed by istiod for a Gateway. */
  public static boolean isWaypoint(Workload pod) {
    return pod.labels().containsKey(GATEWAY_NAME_LABEL)
        && ("istio.io-mesh-controller".equals(pod.labels().get("gateway.istio.io/managed"))
            || pod.labels().containsKey("istio.io/waypoint-for"));
  }

  /** The labels of namespace {@code name}, empty when unknown. */
  public Map<String, String> namespaceLabels(String name) {
    return Optional.ofNullable(namespaces.get(name)).map(Namespace::labels).orElse(Map.of());
  }
}
