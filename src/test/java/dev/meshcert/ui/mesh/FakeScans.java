package dev.meshcert.ui.mesh;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.kube.pull.CertificateScanService;
import dev.meshcert.kube.pull.MeshRoot;
import dev.meshcert.kube.pull.PodPull;
import dev.meshcert.kube.pull.PullStatus;
import dev.meshcert.kube.pull.PulledChain;
import dev.meshcert.kube.pull.ScanListener;
import dev.meshcert.kube.pull.ScanOptions;
import dev.meshcert.kube.pull.ScanResult;
import dev.meshcert.kube.pull.ScanTarget;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.trust.RotationFixture;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scan service for view model tests: lists the demo mesh's pods, "pulls" the first three (two on
 * the new root, one refused with a missing permission), stops early when cancelled, and records
 * what it was asked.
 */
final class FakeScans implements CertificateScanService {

  final RotationFixture pki = new RotationFixture();
  final List<String> asked = new ArrayList<>();
  final List<ScanOptions> options = new ArrayList<>();
  final MeshSnapshot mesh;

  FakeScans() {
    try {
      mesh = new MeshScanner(TestPki.CLOCK).scanAll(demo(), Cancellation.none());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ClusterConnection demo() {
    return DemoCluster.create(TestPki.CLOCK);
  }

  @Override
  public ScanResult scan(
      ClusterConnection cluster,
      ScanTarget target,
      ScanOptions options,
      ScanListener listener,
      Cancellation cancel) {
    asked.add(cluster.name() + " " + target.describe());
    this.options.add(options);
    return pull(listener, cancel);
  }

  @Override
  public ScanResult scan(
      ClusterConnection cluster,
      MeshSnapshot snapshot,
      List<String> podRefs,
      ScanOptions options,
      ScanListener listener,
      Cancellation cancel) {
    asked.add(cluster.name() + " " + podRefs);
    this.options.add(options);
    return pull(listener, cancel);
  }

  private ScanResult pull(ScanListener listener, Cancellation cancel) {
    List<WorkloadStatus> pods = mesh.workloads().subList(0, 3);
    listener.started(pods.size());
    List<PodPull> pulls = new ArrayList<>();
    for (int i = 0; i < pods.size(); i++) {
      if (cancel.isCancelled()) {
        pulls.add(pull(pods.get(i), PullStatus.CANCELLED, Optional.empty(), List.of()));
        continue;
      }
      listener.podStarted(pods.get(i).pod().ref(), i, pods.size());
      PodPull p =
          i < 2
              ? pull(pods.get(i), PullStatus.PULLED, Optional.of(chain(i)), List.of())
              : pull(pods.get(i), PullStatus.FAILED, Optional.empty(), List.of("create pods/exec"));
      pulls.add(p);
      listener.podFinished(p, i + 1, pods.size());
    }
    MeshRoot root =
        new MeshRoot(
            MeshRoot.Kind.ISTIO_ROOT_CONFIGMAP,
            "ConfigMap istio-system/istio-ca-root-cert",
            "istio-system",
            List.of(pki.newFacts),
            List.of());
    return new ScanResult(mesh, TestPki.NOW, List.of(root), pulls, cancel.isCancelled(), List.of());
  }

  private PulledChain chain(int i) {
    CertificateFacts leaf = pki.leaf(pki.newRoot, "default", "sa" + i);
    return new PulledChain(
        "test",
        List.of(leaf, pki.newFacts),
        List.of(pki.newFacts),
        Optional.of("ACTIVE"),
        Optional.empty(),
        List.of());
  }

  private static PodPull pull(
      WorkloadStatus w, PullStatus status, Optional<PulledChain> chain, List<String> missing) {
    return new PodPull(
        w.pod(),
        w.dataPlane().primary(),
        status,
        status == PullStatus.FAILED
            ? List.of(
                new dev.meshcert.kube.pull.Attempt(
                    "exec cat /etc/certs",
                    false,
                    "403 Forbidden",
                    Optional.of(
                        new dev.meshcert.kube.KubeFailure.Forbidden(
                            "me",
                            dev.meshcert.kube.Operation.in(
                                "create", "pods/exec", w.pod().namespace()),
                            "forbidden")),
                    Duration.ZERO))
            : List.of(),
        chain,
        Optional.empty(),
        status == PullStatus.FAILED ? Optional.of("403 Forbidden") : Optional.empty(),
        missing,
        Duration.ZERO);
  }
}
