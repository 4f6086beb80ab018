package dev.meshcert.kube.pull;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.workload.Workload;

/**
 * What a strategy works with for one pod.
 *
 * @param cluster the connection (for its own {@code certificates(...)})
 * @param access port-forward, exec, ConfigMaps
 * @param status the pod and its data planes
 * @param cancellation the pod's own cancellation (cancelled by its timeout or the whole scan)
 * @param ztunnels the ztunnel dumps read so far in this scan, shared by the pods of a node
 * @param handshake the TLS handshake Linkerd's strategy uses
 */
record PodContext(
    ClusterConnection cluster,
    PodAccess access,
    WorkloadStatus status,
    Cancellation cancellation,
    ZtunnelDumps ztunnels,
    PeerChainHandshake handshake) {

  Workload pod() {
    return status.pod();
  }
}
