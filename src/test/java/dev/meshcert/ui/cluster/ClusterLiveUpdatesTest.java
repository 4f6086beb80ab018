package dev.meshcert.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.WatchEvent;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.mesh.policy.PeerAuthenticationParser;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Cluster view model kept current by scripted watches: events, open contexts, selection. */
class ClusterLiveUpdatesTest {

  private final ClusterFixture f = new ClusterFixture();

  @Test
  void watchedNewPodAppearsWithItsStatus() {
    ScriptedConnection prod = f.prodOnly();
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    Workload added =
        Workload.builder("bookinfo", "ratings-v2-x1")
            .label("app", "ratings")
            .container(Container.of("ratings", "ratings:2"))
            .build();
    prod.podListeners.get(0).onEvent(new WatchEvent.Upserted<>(added));
    assertEquals(16, m.rows().size(), "events wait for the FX thread");
    f.fxQueue.forEach(Runnable::run);
    assertEquals(17, m.rows().size());
    assertEquals(MtlsBadge.NO_SIDECAR, ClusterFixture.row(m, "bookinfo/ratings-v2-x1").badge());
  }

  @Test
  void watchesStartAMomentAfterTheRowsAreShownAndNeverAfterClosing() throws Exception {
    f.contextNames = List.of("prod", "test");
    f.current = Optional.of("prod");
    ScriptedConnection prod = f.scripted("prod", Optional.empty());
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.watchDelay(java.time.Duration.ofMillis(200));
    m.start(false);

    assertEquals(16, m.rows().size(), "the rows are shown at once");
    assertTrue(prod.podListeners.isEmpty(), "the watches wait");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (prod.podListeners.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(1, prod.podListeners.size(), "then they start");

    ScriptedConnection test = f.scripted("test", Optional.empty());
    m.selectContext(ContextChoice.context("test"));
    m.closeContext();
    Thread.sleep(600);
    assertTrue(test.podListeners.isEmpty(), "a context closed before its watches started");
  }

  @Test
  void watchedPolicyChangeRecomputesTheBadges() {
    ScriptedConnection prod = f.prodOnly();
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    assertEquals(
        MtlsBadge.STRICT, ClusterFixture.row(m, "bookinfo/details-v1-79f774bdb9-kq2lw").badge());
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
    f.fxQueue.forEach(Runnable::run);
    assertEquals(
        MtlsBadge.DISABLE, ClusterFixture.row(m, "bookinfo/details-v1-79f774bdb9-kq2lw").badge());
  }

  @Test
  void eventsOfAnOldContextAreDropped() {
    ClusterViewModel m = curlDeletedInContextAWhileBIsShown();
    assertEquals(16, m.rows().size());
  }

  @Test
  void interruptedWatchIsShownInTheStatus() {
    ScriptedConnection prod = f.prodOnly();
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    prod.podListeners
        .get(0)
        .onEvent(
            new WatchEvent.Interrupted<>(
                new KubeFailure.Unreachable("https://api", "reset"),
                java.time.Duration.ofSeconds(4)));
    f.fxQueue.forEach(Runnable::run);
    assertTrue(m.statusProperty().get().contains("Retrying in 4 s"), m.statusProperty().get());
  }

  @Test
  void selectionSurvivesALiveUpdate() {
    ScriptedConnection prod = f.prodOnly();
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectedProperty().set(ClusterFixture.row(m, "default/curl-5b5d8d6b5c-qp7tn"));
    prod.podListeners
        .get(0)
        .onEvent(
            new WatchEvent.Deleted<>(
                ClusterFixture.row(m, "legacy/batch-reporter-6f7d9b8c4-m2n4p").pod()));
    f.fxQueue.forEach(Runnable::run);
    assertEquals("default/curl-5b5d8d6b5c-qp7tn", m.selectedProperty().get().ref());
  }

  @Test
  void switchingBackToAnOpenContextShowsItWithoutReadingAgain() {
    f.contextNames = List.of("a", "b");
    f.scripted("a", Optional.empty());
    f.scripted("b", Optional.empty());
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.selectContext(ContextChoice.context("a"));
    m.selectContext(ContextChoice.context("b"));
    m.selectContext(ContextChoice.context("a"));
    assertEquals(2, f.scans.size());
    assertEquals(ContextChoice.context("a"), m.contextProperty().get());
    assertEquals(List.of(ContextChoice.context("a"), ContextChoice.context("b")), m.openContexts());
  }

  @Test
  void openContextInTheBackgroundKeepsFollowingItsWatches() {
    ClusterViewModel m = curlDeletedInContextAWhileBIsShown();
    m.selectContext(ContextChoice.context("a"));
    assertEquals(15, m.rows().size());
  }

  @Test
  void closingAContextStopsItsWatchesAndShowsAnotherOpenOne() {
    f.contextNames = List.of("a", "b");
    f.scripted("a", Optional.empty());
    ScriptedConnection b = f.scripted("b", Optional.empty());
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.selectContext(ContextChoice.context("a"));
    m.selectContext(ContextChoice.context("b"));
    m.closeContext();
    assertEquals(ContextChoice.context("a"), m.contextProperty().get());
    assertEquals(List.of(ContextChoice.context("a")), m.openContexts());
    assertFalse(b.podHandles.get(0).isRunning());
  }

  @Test
  void multiSelectionSurvivesALiveUpdate() {
    ScriptedConnection prod = f.prodOnly();
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    m.selectedRows()
        .setAll(
            ClusterFixture.row(m, "default/curl-5b5d8d6b5c-qp7tn"),
            ClusterFixture.row(m, "legacy/batch-reporter-6f7d9b8c4-m2n4p"));
    prod.podListeners
        .get(0)
        .onEvent(
            new WatchEvent.Deleted<>(
                ClusterFixture.row(m, "legacy/batch-reporter-6f7d9b8c4-m2n4p").pod()));
    f.fxQueue.forEach(Runnable::run);
    assertEquals(
        List.of("default/curl-5b5d8d6b5c-qp7tn"),
        m.selectedRows().stream().map(WorkloadRow::ref).toList());
  }

  /** Contexts "a" and "b" open, "b" shown, and a's pod watch deletes default/curl meanwhile. */
  private ClusterViewModel curlDeletedInContextAWhileBIsShown() {
    f.contextNames = List.of("a", "b");
    ScriptedConnection a = f.scripted("a", Optional.empty());
    f.scripted("b", Optional.empty());
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.selectContext(ContextChoice.context("a"));
    m.selectContext(ContextChoice.context("b"));
    a.podListeners
        .get(0)
        .onEvent(
            new WatchEvent.Deleted<>(ClusterFixture.row(m, "default/curl-5b5d8d6b5c-qp7tn").pod()));
    f.fxQueue.forEach(Runnable::run);
    return m;
  }
}
