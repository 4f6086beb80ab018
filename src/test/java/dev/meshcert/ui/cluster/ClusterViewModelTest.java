package dev.meshcert.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Cluster view model: contexts, namespaces, failures, filters and actions (synchronous runner,
 * demo mesh).
 */
class ClusterViewModelTest {

  private final ClusterFixture f = new ClusterFixture();

  @Test
  void withoutContextsTheDemoMeshOpens() {
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    assertEquals(ContextChoice.demoMesh(), m.contextProperty().get());
    assertEquals(16, m.rows().size());
    assertTrue(m.problems().get(0).contains("demo mesh"), m.problems().toString());
    assertTrue(m.statusProperty().get().startsWith("demo: 16 pods"), m.statusProperty().get());
    // productpage (9080 PERMISSIVE) and inventory (9090 DISABLE): their badges alone hide it
    assertTrue(
        m.statusProperty().get().endsWith(" \u00b7 2 pods with port exceptions"),
        m.statusProperty().get());
  }

  @Test
  void currentContextOpensFirstAndTheDemoIsOffered() {
    f.contextNames = List.of("prod", "staging");
    f.current = Optional.of("prod");
    f.scripted("prod", Optional.empty());
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
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
    f.prodOnly();
    SyncTaskRunner runner = SyncTaskRunner.deferred();
    ClusterViewModel m = f.model(runner);
    m.start(false);
    assertTrue(m.contexts().isEmpty(), m.contexts().toString());
    assertTrue(m.busyProperty().get());
    runner.runAll();
    assertEquals(List.of(ContextChoice.context("prod"), ContextChoice.demoMesh()), m.contexts());
    assertEquals(ContextChoice.context("prod"), m.contextProperty().get());
  }

  @Test
  void demoChosenWhileTheKubeconfigIsReadWins() {
    f.prodOnly();
    SyncTaskRunner runner = SyncTaskRunner.deferred();
    ClusterViewModel m = f.model(runner);
    m.start(false);
    m.openDemo();
    runner.runAll();
    assertEquals(ContextChoice.demoMesh(), m.contextProperty().get());
    assertEquals(16, m.rows().size());
    assertEquals(List.of(ContextChoice.context("prod"), ContextChoice.demoMesh()), m.contexts());
  }

  @Test
  void filterMatchesDataPlaneAndNamespaceIgnoringCase() {
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    m.filterTextProperty().set("LINKERD");
    assertEquals(
        List.of("emojivoto", "emojivoto", "linkerd"),
        m.visibleRows().stream().map(WorkloadRow::namespace).toList());
  }

  @Test
  void namespaceChoiceScansOnlyThatNamespace() {
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectNamespace("legacy");
    assertEquals(NamespaceScope.of("legacy"), f.scans.get(f.scans.size() - 1));
    assertEquals(2, m.rows().size());
    assertEquals("legacy", m.namespaceProperty().get());
    assertTrue(m.namespaces().contains("bookinfo"));
  }

  @Test
  void unreachableClusterShowsWhatHappenedAndWhatToTry() {
    f.contextNames = List.of("prod");
    f.connectFailure =
        new KubeException(new KubeFailure.Unreachable("https://10.0.0.1:6443", "ConnectException"));
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectContext(ContextChoice.context("prod"));
    assertEquals(1, f.dialogs.problems.size());
    assertEquals(
        "Cannot reach the API server at https://10.0.0.1:6443",
        f.dialogs.problems.get(0).whatHappened());
    assertFalse(f.dialogs.problems.get(0).whatToTry().isEmpty());
    assertEquals("Cannot reach the API server at https://10.0.0.1:6443", m.statusProperty().get());
    assertFalse(m.busyProperty().get());
  }

  @Test
  void failedSwitchKeepsShowingTheOpenContext() {
    f.contextNames = List.of("prod");
    f.connectFailure =
        new KubeException(new KubeFailure.Unreachable("https://10.0.0.1:6443", "ConnectException"));
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectContext(ContextChoice.context("prod"));
    assertEquals(ContextChoice.demoMesh(), m.contextProperty().get());
    assertEquals(16, m.rows().size());
  }

  @Test
  void unreachableCurrentContextAtStartOpensTheDemoMeshAndSaysWhy() {
    f.contextNames = List.of("prod");
    f.current = Optional.of("prod");
    f.connectFailure =
        new KubeException(new KubeFailure.Unreachable("https://10.0.0.1:6443", "ConnectException"));
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    assertEquals(ContextChoice.demoMesh(), m.contextProperty().get());
    assertTrue(f.dialogs.problems.isEmpty());
    assertTrue(
        m.problems().get(0).startsWith("Context prod: Cannot reach the API server"),
        m.problems().toString());
  }

  @Test
  void demoRequestedOpensTheDemoEvenWithACurrentContext() {
    f.prodOnly();
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(true);
    assertEquals(ContextChoice.demoMesh(), m.contextProperty().get());
    assertEquals(List.of(NamespaceScope.all()), f.scans);
  }

  @Test
  void forbiddenClusterWideListFallsBackToTheContextNamespace() {
    f.contextNames = List.of("team");
    f.current = Optional.of("team");
    f.forbidAllNamespaces = true;
    f.scripted("team", Optional.of("bookinfo"));
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    assertEquals("bookinfo", m.namespaceProperty().get());
    assertEquals(5, m.rows().size());
  }

  @Test
  void switchingContextDropsTheResultOfTheFirst() {
    f.contextNames = List.of("a", "b");
    f.scripted("a", Optional.empty());
    f.scripted("b", Optional.empty());
    SyncTaskRunner runner = SyncTaskRunner.deferredWithLateCancel();
    ClusterViewModel m = f.model(runner);
    m.selectContext(ContextChoice.context("a"));
    m.selectContext(ContextChoice.context("b"));
    runner.runLatest();
    runner.runAll();
    assertEquals(ContextChoice.context("b"), m.contextProperty().get());
    assertTrue(m.statusProperty().get().startsWith("b: "), m.statusProperty().get());
  }

  @Test
  void selectedPodCertificatesGoToInspect() {
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectedProperty().set(ClusterFixture.row(m, "bookinfo/productpage-v1-6b746f74dc-9stvs"));
    m.inspectSelected();
    assertEquals(1, f.inspected.size());
    assertTrue(f.inspected.get(0).name().startsWith("bookinfo/productpage-v1-6b746f74dc-9stvs"));
  }

  @Test
  void registeredWorkloadActionReceivesTheSelectedWorkloads() {
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    List<WorkloadSelection> received = new ArrayList<>();
    WorkloadAction probe = WorkloadAction.always("Probe", received::add);
    m.addWorkloadAction(probe);
    m.start(false);
    m.selectedRows()
        .setAll(
            ClusterFixture.row(m, "bookinfo/productpage-v1-6b746f74dc-9stvs"),
            ClusterFixture.row(m, "default/curl-5b5d8d6b5c-qp7tn"));
    m.run(probe);
    assertEquals(
        List.of("bookinfo/productpage-v1-6b746f74dc-9stvs", "default/curl-5b5d8d6b5c-qp7tn"),
        received.get(0).workloads().stream().map(w -> w.pod().ref()).toList());
    assertTrue(received.get(0).connection().isDemo());
  }

  @Test
  void singleWorkloadActionIsDisabledForSeveralPods() {
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    WorkloadAction one = WorkloadAction.single("Trust view", s -> {});
    m.addWorkloadAction(one);
    m.start(false);
    m.selectedRows()
        .setAll(
            ClusterFixture.row(m, "bookinfo/productpage-v1-6b746f74dc-9stvs"),
            ClusterFixture.row(m, "default/curl-5b5d8d6b5c-qp7tn"));
    assertFalse(m.canRun(one));
  }

  @Test
  void noActionRunsWithoutASelection() {
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    List<WorkloadSelection> received = new ArrayList<>();
    WorkloadAction probe = WorkloadAction.always("Probe", received::add);
    m.addWorkloadAction(probe);
    m.start(false);
    m.run(probe);
    assertTrue(received.isEmpty());
  }

  @Test
  void destinationRuleContradictionsAreListedWithWhatToTry() {
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
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
