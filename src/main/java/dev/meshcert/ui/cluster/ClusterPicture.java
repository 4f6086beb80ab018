package dev.meshcert.ui.cluster;

import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.ui.common.Messages;
import java.util.List;

/**
 * What the Cluster screen shows of one snapshot: its rows, its problems and its status line, worked
 * out off the FX thread. The TLS-contradiction check and the comparison of a thousand rows with the
 * rows on screen used to run in a pulse. A picture whose rows equal the previous picture's keeps
 * the previous list, so the FX thread tells "unchanged" by identity.
 *
 * @param snapshot what was read
 * @param rows one row per pod, in the snapshot's order
 * @param problems TLS contradictions with what to try, then what was not read
 * @param status the status line: cluster, counts of pods, namespaces and mTLS modes
 */
record ClusterPicture(
    MeshSnapshot snapshot, List<WorkloadRow> rows, List<String> problems, String status) {

  ClusterPicture {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }

  /** Blocking (a thousand pods: a few milliseconds); {@code previous} may be null. */
  static ClusterPicture of(MeshSnapshot s, ClusterPicture previous, Messages messages) {
    List<WorkloadRow> rows = s.workloads().stream().map(WorkloadRow::new).toList();
    if (previous != null && previous.rows().equals(rows)) {
      rows = previous.rows();
    }
    return new ClusterPicture(
        s, rows, ClusterTexts.problems(s, messages), ClusterTexts.summary(s, rows, messages));
  }

  /** Whether {@code shown} holds exactly this picture's rows (the same objects, in order). */
  boolean sameRows(List<WorkloadRow> shown) {
    if (shown.size() != rows.size()) {
      return false;
    }
    for (int i = 0; i < rows.size(); i++) {
      if (shown.get(i) != rows.get(i)) {
        return false;
      }
    }
    return true;
  }
}
