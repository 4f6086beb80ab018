package dev.meshcert.ui.mesh;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.kube.pull.MeshRoot;
import dev.meshcert.kube.pull.PodPull;
import dev.meshcert.kube.pull.PullStatus;
import dev.meshcert.kube.pull.PulledChain;
import dev.meshcert.kube.pull.ScanResult;
import dev.meshcert.kube.pull.Snapshot;
import dev.meshcert.mesh.trust.WorkloadChain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns scans and snapshots into what the Mesh screen shows: each pulled chain a workload (its data
 * plane's roots its bundle), the roots the control planes distribute ({@code istio-ca-root-cert},
 * Linkerd's trust roots) the mesh roots, every failed or timed-out pod a failure with its reason
 * and the permission it lacked, and each DestinationRule that contradicts a server's mTLS a problem
 * (as on the Cluster screen), for a live scan and a reopened snapshot alike.
 */
final class ScanResults {

  private static final Set<MeshRoot.Kind> DISTRIBUTED =
      Set.of(MeshRoot.Kind.ISTIO_ROOT_CONFIGMAP, MeshRoot.Kind.LINKERD_TRUST_ROOTS);

  private ScanResults() {}

  static MeshData of(ScanResult scan) {
    String origin = scan.cluster() + (scan.cancelled() ? " (cancelled: partial)" : "");
    return of(origin, scan.takenAt(), List.of(scan), "");
  }

  static MeshData of(String name, Snapshot snapshot) {
    Instant at =
        snapshot.contexts().stream()
            .map(ScanResult::takenAt)
            .max(Instant::compareTo)
            .orElse(snapshot.savedAt());
    MeshData data = of(name, at, snapshot.contexts(), snapshot.contexts().size() > 1 ? "x" : "");
    List<String> problems = new ArrayList<>(snapshot.problems());
    problems.addAll(data.problems());
    return new MeshData(
        data.origin(),
        data.takenAt(),
        data.workloads(),
        data.meshRoots(),
        data.failures(),
        problems,
        data.scans());
  }

  private static MeshData of(String origin, Instant at, List<ScanResult> scans, String prefixed) {
    List<WorkloadChain> workloads = new ArrayList<>();
    Set<CertificateFacts> roots = new LinkedHashSet<>();
    List<PodFailure> failures = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ScanResult scan : scans) {
      String prefix = prefixed.isEmpty() ? "" : scan.cluster() + ": ";
      scan.roots().stream()
          .filter(r -> DISTRIBUTED.contains(r.kind()))
          .forEach(r -> roots.addAll(r.certificates()));
      for (PodPull pod : scan.pods()) {
        if (pod.pulled().isPresent() && !pod.pulled().get().chain().isEmpty()) {
          PulledChain c = pod.pulled().get();
          workloads.add(new WorkloadChain(prefix + pod.ref(), c.chain(), c.roots(), c.source()));
        } else if (pod.status() == PullStatus.FAILED || pod.status() == PullStatus.TIMED_OUT) {
          failures.add(new PodFailure(prefix + pod.ref(), reason(pod)));
        }
      }
      scan.mesh()
          .tlsConflicts()
          .forEach(c -> problems.add(prefix + c.message() + " Try: " + c.hint()));
      scan.problems().forEach(p -> problems.add(prefix + p));
    }
    return new MeshData(origin, at, workloads, List.copyOf(roots), failures, problems, scans);
  }

  private static String reason(PodPull pod) {
    String why = pod.reason().orElse(pod.status().name().toLowerCase(java.util.Locale.ROOT));
    String line =
        pod.missingPermission().isEmpty()
            ? why
            : why + " (missing permission: " + String.join(", ", pod.missingPermission()) + ")";
    // what to try, as the Cluster screen's problem dialog says it: the first two hints of the
    // failures behind the attempts
    List<String> hints =
        pod.attempts().stream()
            .flatMap(a -> a.failure().stream())
            .flatMap(f -> f.hints().stream())
            .distinct()
            .limit(2)
            .toList();
    return hints.isEmpty() ? line : line + " Try: " + String.join(". ", hints) + ".";
  }
}
