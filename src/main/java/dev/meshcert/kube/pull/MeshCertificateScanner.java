package dev.meshcert.kube.pull;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@link CertificateScanService}: lists the target with {@link MeshScanner}, reads the mesh
 * roots, then pulls the pods on a bounded pool ({@link ScanRun}). Stateless between scans;
 * thread-safe.
 */
public final class MeshCertificateScanner implements CertificateScanService {

  private final MeshScanner meshScanner;
  private final PeerChainHandshake handshake;

  /**
   * A scanner without TLS handshakes: Linkerd proxies cannot be read (their attempt says so).
   *
   * @param clock the clock mesh snapshots are stamped with (verdicts use the scan options' clock)
   */
  public MeshCertificateScanner(Clock clock) {
    this(clock, PeerChainHandshake.unavailable());
  }

  /**
   * @param clock the clock mesh snapshots are stamped with (verdicts use the scan options' clock)
   * @param handshake the TLS handshake for Linkerd proxies ({@code new
   *     dev.meshcert.probe.StreamHandshake()})
   */
  public MeshCertificateScanner(Clock clock, PeerChainHandshake handshake) {
    this.meshScanner = new MeshScanner(clock);
    this.handshake = handshake;
  }

  @Override
  public ScanResult scan(
      ClusterConnection cluster,
      ScanTarget target,
      ScanOptions options,
      ScanListener listener,
      Cancellation cancel)
      throws KubeException {
    MeshSnapshot mesh = meshScanner.scan(cluster, target.scope(), cancel);
    if (target instanceof ScanTarget.Pod pod) {
      String ref = pod.namespace() + "/" + pod.name();
      if (mesh.workload(ref).isEmpty()) {
        return new ScanResult(
            mesh,
            options.clock().instant(),
            List.of(),
            List.of(),
            false,
            List.of("pod " + ref + " was not found"));
      }
      return scan(cluster, mesh, List.of(ref), options, listener, cancel);
    }
    return scan(cluster, mesh, List.of(), options, listener, cancel);
  }

  @Override
  public ScanResult scan(
      ClusterConnection cluster,
      MeshSnapshot mesh,
      List<String> podRefs,
      ScanOptions options,
      ScanListener listener,
      Cancellation cancel) {
    Set<String> wanted = Set.copyOf(podRefs);
    List<WorkloadStatus> pods =
        mesh.workloads().stream()
            .filter(w -> wanted.isEmpty() || wanted.contains(w.pod().ref()))
            .toList();
    PodAccess access = cluster.podAccess();
    List<String> problems = new ArrayList<>();
    List<MeshRoot> roots = List.of();
    try {
      RootsReader.Read read =
          new RootsReader(access, cancel).read(mesh, pods, options.readSecrets());
      roots = read.roots();
      problems.addAll(read.problems());
    } catch (KubeException e) {
      problems.add("roots: " + e.failure().title());
    }
    ScanRun run = new ScanRun(cluster, access, mesh, roots, options, listener, cancel, handshake);
    List<PodPull> pulls = run.pull(pods);
    return new ScanResult(
        mesh, options.clock().instant(), roots, pulls, cancel.isCancelled(), problems);
  }
}
