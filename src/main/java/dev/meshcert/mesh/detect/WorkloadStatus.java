package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.policy.Decision;
import dev.meshcert.mesh.policy.EffectiveMtls;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.mesh.workload.Workload;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One pod with everything the cluster screen shows: its data planes with evidence, the effective
 * mTLS mode per port and the policy that decided it, and the badge.
 *
 * @param pod the pod
 * @param dataPlane its data planes
 * @param mtls the PeerAuthentication resolution for it
 * @param badge the one-word summary (STRICT, PERMISSIVE, DISABLE, no sidecar, other mesh)
 */
public record WorkloadStatus(
    Workload pod, DataPlaneReport dataPlane, EffectiveMtls mtls, MtlsBadge badge) {

  /**
   * The ports to show: every port the pod declares plus every port a policy names, each with its
   * decision.
   */
  public List<PortStatus> ports() {
    Set<Integer> ports = new LinkedHashSet<>(pod.declaredPorts());
    ports.addAll(new java.util.TreeSet<>(mtls.ports().keySet()));
    return ports.stream().map(p -> new PortStatus(p, mtls.forPort(p))).toList();
  }

  /**
   * One port's effective mode.
   *
   * @param port the container port
   * @param decision its mode and what decided it
   */
  public record PortStatus(int port, Decision decision) {}
}
