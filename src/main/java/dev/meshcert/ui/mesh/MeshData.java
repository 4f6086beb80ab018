package dev.meshcert.ui.mesh;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.kube.pull.ScanResult;
import dev.meshcert.mesh.trust.WorkloadChain;
import java.time.Instant;
import java.util.List;

/**
 * What the Mesh screen shows, wherever it came from: opened dump files, a scan, a snapshot.
 *
 * @param origin what it is, for the status line ("3 files", "demo", "snapshot prod.json")
 * @param takenAt when the certificates were read; the timeline's "now" line is drawn here
 * @param workloads the chains read, in the order to show them
 * @param meshRoots the roots the control planes distribute (may be empty)
 * @param failures what could not be read, one per pod or file
 * @param problems other problems worth telling (a forbidden ConfigMap)
 * @param scans the scans it came from, to be saved as a snapshot; empty for opened dump files
 */
public record MeshData(
    String origin,
    Instant takenAt,
    List<WorkloadChain> workloads,
    List<CertificateFacts> meshRoots,
    List<PodFailure> failures,
    List<String> problems,
    List<ScanResult> scans) {

  public MeshData {
    workloads = List.copyOf(workloads);
    meshRoots = List.copyOf(meshRoots);
    failures = List.copyOf(failures);
    problems = List.copyOf(problems);
    scans = List.copyOf(scans);
  }

  /** Nothing loaded, at {@code now}. */
  public static MeshData empty(Instant now) {
    return new MeshData("", now, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /**
   * This and {@code other} together, as one origin: workloads, roots, failures and scans of both.
   */
  public MeshData and(MeshData other, String newOrigin) {
    return new MeshData(
        newOrigin,
        takenAt.isAfter(other.takenAt) ? takenAt : other.takenAt,
        concat(workloads, other.workloads),
        concat(meshRoots, other.meshRoots).stream().distinct().toList(),
        concat(failures, other.failures),
        concat(problems, other.problems),
        concat(scans, other.scans));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** Whether it can be saved as a snapshot. */
  public boolean savable() {
    return !scans.isEmpty();
  }

  /** Whether nothing at all was loaded. */
  public boolean isEmpty() {
    return workloads.isEmpty() && failures.isEmpty();
  }
}
