package dev.meshcert.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.FetchedCertificates;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.Operation;
import dev.meshcert.kube.WatchEvent;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.mesh.policy.PeerAuthenticationParser;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Cluster view model with the synchronous runner, the real demo mesh and scripted watches. */
class ClusterViewModelTest {

  private static final DemoCluster DEMO = DemoCluster.create(TestPki.CLOCK);

  private final RecordingDialogs dialogs = new RecordingDialogs();
  private final List<Runnable> fxQueue = new ArrayList<>();
  private final List<FetchedCertificates> inspected = new ArrayList<>();
  private final Map<String, ClusterConnection> connections = new HashMap<>();
  private final List<NamespaceScope> scans = new ArrayList<>();
  private List<String> contextNames = List.of();
  private Optional<String> current = Optional.empty();
  private KubeException connectFailure;
  private boolean forbidAllNamespaces;

  private final ClusterService service =
      new ClusterService() {
        @Override
        public List<String> contexts() {
          return contextNames;
        }

        @Override
        public Optional<String> currentContext() {
          return current;
        }

        @Override
        public List<String> kubeconfigProblems() {
          return List.of();
        }

        @Override
        public ClusterConnection connect(ContextChoice choice) throws KubeException {
          if (choice.demo()) {
            return DEMO;
          }
          if (connectFailure != null) {
            throw connectFailure;
          }
          return connections.get(choice.name());
        }

        @Override
        public MeshSnapshot scan(ClusterConnection c, NamespaceScope scope, Cancellation cancel)
            throws KubeException {
          scans.add(scope);
          if (forbidAllNamespaces && scope.isAll()) {
            throw new KubeException(
                new KubeFailure.Forbidden("me", Operation.clusterWide("list", "pods"), "no"));
          }
          return new MeshScanner(TestPki.CLOCK).scan(c, scope, cancel);
        }
      };

  private ClusterViewModel model(SyncTaskRunner runner) {
    ClusterViewModel m =
        new ClusterViewModel(
            service,
            runner,
            dialogs,
            fxQueue::add,
            inspected::add,
            ClusterScreen.messages(Locale.ROOT),
            TestPki.CLOCK);
    m.watchDelay(java.time.Duration.ZERO); // watches start as the rows are shown, synchronously
    return m;
  }

  private ScriptedConnection scripted(String name, Optional<String> ns) {
    ScriptedConnection c = new ScriptedConnection(name, DEMO, ns);
    connections.put(name, c);
    return c;
  }

  private static WorkloadRow row(ClusterViewModel m, String ref) {
    return m.rows().stream().filter(r -> r.ref().equals(ref)).findFirst().orElseThrow();
  }

  @Test
  void withoutContextsTheDemoMeshOpens() {
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    assertEquals(ContextChoice.demoMesh(), m.contextProperty().get());
    assertEquals(16, m.rows().size());
    assertTrue(m.problems().get(0).contains("demo mesh"), m.problems().toString());
    assertTrue(m.statusProperty().get().startsWith("demo: 16 pods"), m.statusProperty().get());
  }

  @Test
  void currentContextOpensFirstAndTheDemoIsOffered() {
    contextNames = List.of("prod", "staging");
    current = Optional.of("prod");
    scripted("prod", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    assertEquals(ContextChoice.context("prod"), m.contextProperty().get());
    assertEquals(
        List.of(
            ContextChoice.context("prod"),
            ContextChoice.context("staging"),
            ContextChoice.demoMesh()),
        m.contexts());
  }

  @Test
  void kubeconfigIsReadOnTheTaskRunner() {
    contextNames = List.of("prod");
    current = Optional.of("prod");
    scripted("prod", Optional.empty());
    SyncTaskRunner runner = SyncTaskRunner.deferred();
    ClusterViewModel m = model(runner);
    m.start(false);
    assertTrue(m.contexts().isEmpty(), m.contexts().toString());
    assertTrue(m.busyProperty().get());
    runner.runAll();
    assertEquals(List.of(ContextChoice.context("prod"), ContextChoice.demoMesh()), m.contexts());
    assertEquals(ContextChoice.context("prod"), m.contextProperty().get());
  }

  @Test
  void demoChosenWhileTheKubeconfigIsReadWins() {
    contextNames = List.of("prod");
    current = Optional.of("prod");
    scripted("prod", Optional.empty());
    SyncTaskRunner runner = SyncTaskRunner.deferred();
    ClusterViewModel m = model(runner);
    m.start(false);
    m.openDemo();
    runner.runAll();
    assertEquals(ContextChoice.demoMesh(), m.contextProperty().get());
    assertEquals(16, m.rows().size());
    assertEquals(List.of(ContextChoice.context("prod"), ContextChoice.demoMesh()), m.contexts());
  }

  @Test
  void filterMatchesDataPlaneAndNamespaceIgnoringCase() {
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    m.filterTextProperty().set("LINKERD");
    assertEquals(
        List.of("emojivoto", "emojivoto", "linkerd"),
        m.visibleRows().stream().map(WorkloadRow::namespace).toList());
  }

  @Test
  void namespaceChoiceScansOnlyThatNamespace() {
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectNamespace("legacy");
    assertEquals(NamespaceScope.of("legacy"), scans.get(scans.size() - 1));
    assertEquals(2, m.rows().size());
    assertEquals("legacy", m.namespaceProperty().get());
    assertTrue(m.namespaces().contains("bookinfo"));
  }

  @Test
  void unreachableClusterShowsWhatHappenedAndWhatToTry() {
    contextNames = List.of("prod");
    connectFailure =
        new KubeException(new KubeFailure.Unreachable("https://10.0.0.1:6443", "ConnectException"));
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectContext(ContextChoice.context("prod"));
    assertEquals(1, dialogs.problems.size());
    assertEquals(
        "Cannot reach the API server at https://10.0.0.1:6443",
        dialogs.problems.get(0).whatHappened());
    assertFalse(dialogs.problems.get(0).whatToTry().isEmpty());
    assertEquals("Cannot reach the API server at https://10.0.0.1:6443", m.statusProperty().get());
    assertFalse(m.busyProperty().get());
  }

  @Test
  void failedSwitchKeepsShowingTheOpenContext() {
    contextNames = List.of("prod");
    connectFailure =
        new KubeException(new KubeFailure.Unreachable("https://10.0.0.1:6443", "ConnectException"));
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectContext(ContextChoice.context("prod"));
    assertEquals(ContextChoice.demoMesh(), m.contextProperty().get());
    assertEquals(16, m.rows().size());
  }

  @Test
  void unreachableCurrentContextAtStartOpensTheDemoMeshAndSaysWhy() {
    contextNames = List.of("prod");
    current = Optional.of("prod");
    connectFailure =
        new KubeException(new KubeFailure.Unreachable("https://10.0.0.1:6443", "ConnectException"));
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    assertEquals(ContextChoice.demoMesh(), m.contextProperty().get());
    assertTrue(dialogs.problems.isEmpty());
    assertTrue(
        m.problems().get(0).startsWith("Context prod: Cannot reach the API server"),
        m.problems().toString());
  }

  @Test
  void demoRequestedOpensTheDemoEvenWithACurrentContext() {
    contextNames = List.of("prod");
    current = Optional.of("prod");
    scripted("prod", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(true);
    assertEquals(ContextChoice.demoMesh(), m.contextProperty().get());
    assertEquals(List.of(NamespaceScope.all()), scans);
  }

  @Test
  void forbiddenClusterWideListFallsBackToTheContextNamespace() {
    contextNames = List.of("team");
    current = Optional.of("team");
    forbidAllNamespaces = true;
    scripted("team", Optional.of("bookinfo"));
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    assertEquals("bookinfo", m.namespaceProperty().get());
    assertEquals(5, m.rows().size());
  }

  @Test
  void switchingContextDropsTheResultOfTheFirst() {
    contextNames = List.of("a", "b");
    scripted("a", Optional.empty());
    scripted("b", Optional.empty());
    SyncTaskRunner runner = SyncTaskRunner.deferredWithLateCancel();
    ClusterViewModel m = model(runner);
    m.selectContext(ContextChoice.context("a"));
    m.selectContext(ContextChoice.context("b"));
    runner.runLatest();
    runner.runAll();
    assertEquals(ContextChoice.context("b"), m.contextProperty().get());
    assertTrue(m.statusProperty().get().startsWith("b: "), m.statusProperty().get());
  }

  @Test
  void watchedNewPodAppearsWithItsStatus() {
    contextNames = List.of("prod");
    current = Optional.of("prod");
    ScriptedConnection prod = scripted("prod", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    Workload added =
        Workload.builder("bookinfo", "ratings-v2-x1")
            .label("app", "ratings")
            .container(Container.of("ratings", "ratings:2"))
            .build();
    prod.podListeners.get(0).onEvent(new WatchEvent.Upserted<>(added));
    assertEquals(16, m.rows().size(), "events wait for the FX thread");
    fxQueue.forEach(Runnable::run);
    assertEquals(17, m.rows().size());
    assertEquals(MtlsBadge.NO_SIDECAR, row(m, "bookinfo/ratings-v2-x1").badge());
  }

  @Test
  void watchesStartAMomentAfterTheRowsAreShownAndNeverAfterClosing() throws Exception {
    contextNames = List.of("prod", "test");
    current = Optional.of("prod");
    ScriptedConnection prod = scripted("prod", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.watchDelay(java.time.Duration.ofMillis(200));
    m.start(false);

    assertEquals(16, m.rows().size(), "the rows are shown at once");
    assertTrue(prod.podListeners.isEmpty(), "the watches wait");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (prod.podListeners.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(1, prod.podListeners.size(), "then they start");

    ScriptedConnection test = scripted("test", Optional.empty());
    m.selectContext(ContextChoice.context("test"));
    m.closeContext();
    Thread.sleep(600);
    assertTrue(test.podListeners.isEmpty(), "a context closed before its watches started");
  }

  @Test
  void watchedPolicyChangeRecomputesTheBadges() {
    contextNames = List.of("prod");
    current = Optional.of("prod");
    ScriptedConnection prod = scripted("prod", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    assertEquals(MtlsBadge.STRICT, row(m, "bookinfo/details-v1-79f774bdb9-kq2lw").badge());
    prod.policyListeners
        .get(0)
        .onEvent(
            new WatchEvent.Upserted<>(
                PeerAuthenticationParser.parseYaml(
                        "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\n"
                            + "metadata: {name: default, namespace: bookinfo}\n"
                            + "spec: {mtls: {mode: DISABLE}}\n",
                        "default")
                    .get(0)));
    fxQueue.forEach(Runnable::run);
    assertEquals(MtlsBadge.DISABLE, row(m, "bookinfo/details-v1-79f774bdb9-kq2lw").badge());
  }

  @Test
  void eventsOfAnOldContextAreDropped() {
    contextNames = List.of("a", "b");
    ScriptedConnection a = scripted("a", Optional.empty());
    scripted("b", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.selectContext(ContextChoice.context("a"));
    m.selectContext(ContextChoice.context("b"));
    a.podListeners
        .get(0)
        .onEvent(new WatchEvent.Deleted<>(row(m, "default/curl-5b5d8d6b5c-qp7tn").pod()));
    fxQueue.forEach(Runnable::run);
    assertEquals(16, m.rows().size());
  }

  @Test
  void interruptedWatchIsShownInTheStatus() {
    contextNames = List.of("prod");
    current = Optional.of("prod");
    ScriptedConnection prod = scripted("prod", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    prod.podListeners
        .get(0)
        .onEvent(
            new WatchEvent.Interrupted<>(
                new KubeFailure.Unreachable("https://api", "reset"),
                java.time.Duration.ofSeconds(4)));
    fxQueue.forEach(Runnable::run);
    assertTrue(m.statusProperty().get().contains("Retrying in 4 s"), m.statusProperty().get());
  }

  @Test
  void selectedPodCertificatesGoToInspect() {
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectedProperty().set(row(m, "bookinfo/productpage-v1-6b746f74dc-9stvs"));
    m.inspectSelected();
    assertEquals(1, inspected.size());
    assertTrue(inspected.get(0).name().startsWith("bookinfo/productpage-v1-6b746f74dc-9stvs"));
  }

  @Test
  void selectionSurvivesALiveUpdate() {
    contextNames = List.of("prod");
    current = Optional.of("prod");
    ScriptedConnection prod = scripted("prod", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectedProperty().set(row(m, "default/curl-5b5d8d6b5c-qp7tn"));
    prod.podListeners
        .get(0)
        .onEvent(new WatchEvent.Deleted<>(row(m, "legacy/batch-reporter-6f7d9b8c4-m2n4p").pod()));
    fxQueue.forEach(Runnable::run);
    assertEquals("default/curl-5b5d8d6b5c-qp7tn", m.selectedProperty().get().ref());
  }

  @Test
  void switchingBackToAnOpenContextShowsItWithoutReadingAgain() {
    contextNames = List.of("a", "b");
    scripted("a", Optional.empty());
    scripted("b", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.selectContext(ContextChoice.context("a"));
    m.selectContext(ContextChoice.context("b"));
    m.selectContext(ContextChoice.context("a"));
    assertEquals(2, scans.size());
    assertEquals(ContextChoice.context("a"), m.contextProperty().get());
    assertEquals(List.of(ContextChoice.context("a"), ContextChoice.context("b")), m.openContexts());
  }

  @Test
  void openContextInTheBackgroundKeepsFollowingItsWatches() {
    contextNames = List.of("a", "b");
    ScriptedConnection a = scripted("a", Optional.empty());
    scripted("b", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.selectContext(ContextChoice.context("a"));
    m.selectContext(ContextChoice.context("b"));
    a.podListeners
        .get(0)
        .onEvent(new WatchEvent.Deleted<>(row(m, "default/curl-5b5d8d6b5c-qp7tn").pod()));
    fxQueue.forEach(Runnable::run);
    m.selectContext(ContextChoice.context("a"));
    assertEquals(15, m.rows().size());
  }

  @Test
  void closingAContextStopsItsWatchesAndShowsAnotherOpenOne() {
    contextNames = List.of("a", "b");
    scripted("a", Optional.empty());
    ScriptedConnection b = scripted("b", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.selectContext(ContextChoice.context("a"));
    m.selectContext(ContextChoice.context("b"));
    m.closeContext();
    assertEquals(ContextChoice.context("a"), m.contextProperty().get());
    assertEquals(List.of(ContextChoice.context("a")), m.openContexts());
    assertFalse(b.podHandles.get(0).isRunning());
  }

  @Test
  void registeredWorkloadActionReceivesTheSelectedWorkloads() {
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    List<WorkloadSelection> received = new ArrayList<>();
    WorkloadAction probe = WorkloadAction.always("Probe", received::add);
    m.addWorkloadAction(probe);
    m.start(false);
    m.selectedRows()
        .setAll(
            row(m, "bookinfo/productpage-v1-6b746f74dc-9stvs"),
            row(m, "default/curl-5b5d8d6b5c-qp7tn"));
    m.run(probe);
    assertEquals(
        List.of("bookinfo/productpage-v1-6b746f74dc-9stvs", "default/curl-5b5d8d6b5c-qp7tn"),
        received.get(0).workloads().stream().map(w -> w.pod().ref()).toList());
    assertTrue(received.get(0).connection().isDemo());
  }

  @Test
  void singleWorkloadActionIsDisabledForSeveralPods() {
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    WorkloadAction one = WorkloadAction.single("Trust view", s -> {});
    m.addWorkloadAction(one);
    m.start(false);
    m.selectedRows()
        .setAll(
            row(m, "bookinfo/productpage-v1-6b746f74dc-9stvs"),
            row(m, "default/curl-5b5d8d6b5c-qp7tn"));
    assertFalse(m.canRun(one));
  }

  @Test
  void noActionRunsWithoutASelection() {
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    List<WorkloadSelection> received = new ArrayList<>();
    WorkloadAction probe = WorkloadAction.always("Probe", received::add);
    m.addWorkloadAction(probe);
    m.start(false);
    m.run(probe);
    assertTrue(received.isEmpty());
  }

  @Test
  void multiSelectionSurvivesALiveUpdate() {
    contextNames = List.of("prod");
    current = Optional.of("prod");
    ScriptedConnection prod = scripted("prod", Optional.empty());
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectedRows()
        .setAll(
            row(m, "default/curl-5b5d8d6b5c-qp7tn"),
            row(m, "legacy/batch-reporter-6f7d9b8c4-m2n4p"));
    prod.podListeners
        .get(0)
        .onEvent(new WatchEvent.Deleted<>(row(m, "legacy/batch-reporter-6f7d9b8c4-m2n4p").pod()));
    fxQueue.forEach(Runnable::run);
    assertEquals(
        List.of("default/curl-5b5d8d6b5c-qp7tn"),
        m.selectedRows().stream().map(WorkloadRow::ref).toList());
  }

  @Test
  void destinationRuleContradictionsAreListedWithWhatToTry() {
    ClusterViewModel m = model(SyncTaskRunner.immediate());
    m.start(false);
    assertTrue(
        m.problems().stream()
            .anyMatch(
                p ->
                    p.startsWith("DestinationRule details-plaintext.legacy")
                        && p.contains("Try: ")),
        m.problems().toString());
  }
}
