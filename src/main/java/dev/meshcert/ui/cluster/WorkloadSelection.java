package dev.meshcert.ui.cluster;

import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import java.util.List;

/**
 * The workloads selected in the Cluster screen, with the cluster they live in: what a {@link
 * WorkloadAction} works on. Immutable; taken on the FX thread when the action starts.
 *
 * @param connection the open cluster (live or demo); its methods block, call them off the FX thread
 * @param snapshot the snapshot the rows come from (control planes, policies, namespaces)
 * @param workloads the selected pods with data plane, evidence and effective mTLS, at least one
 */
public record WorkloadSelection(
    ClusterConnection connection, MeshSnapshot snapshot, List<WorkloadStatus> workloads) {

  /** Copies the list. */
  public WorkloadSelection {
    workloads = List.copyOf(workloads);
  }

  /** The first selected workload (the one whose details are shown). */
  public WorkloadStatus first() {
    return workloads.get(0);
  }

  /** Whether exactly one workload is selected. */
  public boolean isSingle() {
    return workloads.size() == 1;
  }
}
