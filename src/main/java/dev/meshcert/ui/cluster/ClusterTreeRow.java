package dev.meshcert.ui.cluster;

import java.util.Optional;

/**
 * A row of the pod tree: a namespace heading or a pod.
 *
 * @param namespace the namespace (of the heading, or of the pod)
 * @param count pods shown under a heading; 0 for a pod
 * @param pod the pod, empty for a heading
 */
record ClusterTreeRow(String namespace, int count, Optional<WorkloadRow> pod) {

  static ClusterTreeRow heading(String namespace, int count) {
    return new ClusterTreeRow(namespace, count, Optional.empty());
  }

  static ClusterTreeRow of(WorkloadRow row) {
    return new ClusterTreeRow(row.namespace(), 0, Optional.of(row));
  }
}
