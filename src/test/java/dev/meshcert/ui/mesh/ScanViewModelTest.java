package dev.meshcert.ui.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanViewModelTest {

  final FakeScans scans = new FakeScans();

  private ScanViewModel scanModel(MeshFixture f) {
    return new ScanViewModel(
        f.model, scans, FakeScans::demo, MeshFixture.MESSAGES, dev.meshcert.testpki.TestPki.CLOCK);
  }

  @Test
  void scanWithNoClusterHandedOverGoesToTheDemoMesh() {
    MeshFixture f = new MeshFixture();
    ScanViewModel s = scanModel(f);
    s.targetProperty().set("bookinfo");
    s.scan();

    assertEquals(List.of("demo namespace bookinfo"), scans.asked);
    assertEquals("demo mesh", s.clusterNameProperty().get());
  }

  @Test
  void scanGoesToTheClusterTheClusterScreenShowsAndNamesItBeforehand() {
    MeshFixture f = new MeshFixture();
    java.util.concurrent.atomic.AtomicReference<ClusterConnection> shown =
        new java.util.concurrent.atomic.AtomicReference<>();
    ScanViewModel s =
        new ScanViewModel(
            f.model,
            scans,
            () -> java.util.Optional.ofNullable(shown.get()),
            FakeScans::demo,
            MeshFixture.MESSAGES,
            dev.meshcert.testpki.TestPki.CLOCK);
    assertEquals("demo mesh", s.clusterNameProperty().get());

    shown.set(named("prod-eu"));
    s.follow();
    assertEquals("prod-eu", s.clusterNameProperty().get());
    s.scan();
    assertEquals(List.of("prod-eu all namespaces"), scans.asked);

    shown.set(null); // the Cluster screen closed it: the demo mesh again, not a closed connection
    s.follow();
    assertEquals("demo mesh", s.clusterNameProperty().get());
  }

  /** A connection that only has a name (the fake scans ask for nothing else). */
  private static ClusterConnection named(String name) {
    return (ClusterConnection)
        java.lang.reflect.Proxy.newProxyInstance(
            ClusterConnection.class.getClassLoader(),
            new Class<?>[] {ClusterConnection.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "name" -> name;
                  case "isDemo" -> false;
                  case "toString" -> name;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void pulledChainsBecomeWorkloadsUnderTheDistributedRoot() {
    MeshFixture f = new MeshFixture();
    scanModel(f).scanDemo();

    MeshAnalysis a = f.model.analysisProperty().get();
    assertEquals(2, a.trust().workloads().size());
    assertEquals(scans.pki.newFacts, a.trust().currentRoots().get(0).root());
    assertTrue(a.trust().stragglers().isEmpty());
  }

  @Test
  void failedPodIsListedWithTheMissingPermission() {
    MeshFixture f = new MeshFixture();
    scanModel(f).scanDemo();

    PodFailure failure = f.model.analysisProperty().get().data().failures().get(0);
    assertEquals(
        "403 Forbidden (missing permission: create pods/exec) Try: Ask a cluster admin for a Role"
            + " (or ClusterRole) granting \"create\" on pods/exec. Pick another namespace you can"
            + " read.",
        failure.reason());
  }

  @Test
  void parallelismIsPassedToTheScan() {
    MeshFixture f = new MeshFixture();
    ScanViewModel s = scanModel(f);
    s.parallelismProperty().set(4);
    s.scan();

    assertEquals(4, scans.options.get(0).parallelism());
  }

  @Test
  void progressNamesThePodAndCountsNofM() {
    MeshFixture f = new MeshFixture();
    List<String> statuses = new ArrayList<>();
    f.model.statusProperty().addListener((o, a, b) -> statuses.add(b));
    scanModel(f).scanDemo();

    String pod = scans.mesh.workloads().get(1).pod().ref();
    assertTrue(
        statuses.stream().anyMatch(m -> m.endsWith(": 1 of 3: " + pod)), statuses.toString());
  }

  @Test
  void cancelKeepsWhatWasPulledBefore() {
    MeshFixture f = new MeshFixture(SyncTaskRunner.deferred());
    scanModel(f).scanDemo();
    f.model.cancel();
    f.runner.runAll();

    MeshData data = f.model.analysisProperty().get().data();
    assertTrue(data.origin().endsWith("(cancelled: partial)"), data.origin());
    assertTrue(data.savable());
  }

  @Test
  void scanOfPodsFromTheClusterScreenMakesThatClusterTheTarget() {
    MeshFixture f = new MeshFixture();
    ScanViewModel s = scanModel(f);
    s.scanPods(FakeScans.demo(), scans.mesh, List.of("bookinfo/a"));

    assertEquals(List.of("demo [bookinfo/a]"), scans.asked);
  }
}
