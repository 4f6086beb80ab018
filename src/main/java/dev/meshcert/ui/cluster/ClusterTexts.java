package dev.meshcert.ui.cluster;

import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.TlsConflict;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;

/** The status line and the problem list of a snapshot. */
final class ClusterTexts {

  private ClusterTexts() {}

  /** "demo: 16 pods in 7 namespaces · 5 STRICT · ...". */
  static String summary(MeshSnapshot s, List<WorkloadRow> rows, Messages messages) {
    long strict = s.workloads().stream().filter(w -> w.badge() == MtlsBadge.STRICT).count();
    long permissive = s.workloads().stream().filter(w -> w.badge() == MtlsBadge.PERMISSIVE).count();
    long none = s.workloads().stream().filter(w -> w.badge() == MtlsBadge.NO_SIDECAR).count();
    // a pod with a port in another mode: its badge alone would hide the exception
    long exceptions = rows.stream().filter(r -> !r.portExceptions().isEmpty()).count();
    return messages.get(
        "cluster.status.summary",
        s.cluster(),
        s.workloads().size(),
        s.byNamespace().size(),
        strict,
        permissive,
        none,
        exceptions);
  }

  /** TLS contradictions with what to try, then what was not read. */
  static List<String> problems(MeshSnapshot s, Messages messages) {
    List<String> all = new ArrayList<>();
    for (TlsConflict c : s.tlsConflicts()) {
      all.add(messages.get("cluster.problem.tlsConflict", c.message(), c.hint()));
    }
    all.addAll(s.problems());
    return all;
  }
}
