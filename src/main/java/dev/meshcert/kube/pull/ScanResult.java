package dev.meshcert.kube.pull;

import dev.meshcert.mesh.detect.MeshSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one scan of one cluster saw: the mesh (pods, policies, control planes), the roots and CAs
 * read from its configuration, and the certificates pulled from its pods with their verdicts. The
 * same record comes back from a live scan, the demo, an opened snapshot file or an imported {@code
 * istioctl bug-report}. Immutable.
 *
 * @param mesh the mesh as listed
 * @param takenAt when the certificates were judged (the clock of the scan, or of the snapshot)
 * @param roots the roots and CAs read (ConfigMaps; Secrets only when asked)
 * @param pods one entry per pod scanned, in the mesh's pod order
 * @param cancelled whether the scan was cancelled before every pod was reached
 * @param problems what could not be read beyond single pods (a forbidden ConfigMap, a file entry
 *     that is not a dump)
 */
public record ScanResult(
    MeshSnapshot mesh,
    Instant takenAt,
    List<MeshRoot> roots,
    List<PodPull> pods,
    boolean cancelled,
    List<String> problems) {

  /** Copies the lists. */
  public ScanResult {
    roots = List.copyOf(roots);
    pods = List.copyOf(pods);
    problems = List.copyOf(problems);
  }

  /** The context name, or "demo", or the imported file's name. */
  public String cluster() {
    return mesh.cluster();
  }

  /** The pull of pod {@code ref} ("namespace/name"). */
  public Optional<PodPull> pod(String ref) {
    return pods.stream().filter(p -> p.ref().equals(ref)).findFirst();
  }

  /** Pods whose certificates were read. */
  public List<PodPull> pulled() {
    return pods.stream().filter(p -> p.status() == PullStatus.PULLED).toList();
  }

  /** Pods that failed or timed out. */
  public List<PodPull> failed() {
    return pods.stream()
        .filter(p -> p.status() == PullStatus.FAILED || p.status() == PullStatus.TIMED_OUT)
        .toList();
  }

  /** How many pods ended in each status. */
  public Map<PullStatus, Integer> counts() {
    Map<PullStatus, Integer> out = new TreeMap<>();
    pods.forEach(p -> out.merge(p.status(), 1, Integer::sum));
    return out;
  }
}
