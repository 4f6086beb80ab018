package dev.meshcert.ui.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.trust.Comparison;
import dev.meshcert.mesh.trust.WorkloadTrust;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshViewModelTest {

  @TempDir Path dir;
  final MeshFixture f = new MeshFixture();

  private List<WorkloadTrust> workloads(String... names) {
    return List.of(names).stream()
        .map(n -> f.model.analysisProperty().get().trust().workload(n).orElseThrow())
        .toList();
  }

  @Test
  void openedDumpsAreGroupedByTheRootTheirChainsVerifyTo() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));

    assertEquals(2, f.rows().size());
    assertEquals(
        List.of("a", "b"), f.rows().get(0).children().stream().map(TrustRow::name).toList());
    assertTrue(f.rows().get(0).marked());
    assertEquals("late", f.rows().get(1).children().get(0).name());
  }

  @Test
  void workloadLeftOnTheOldRootIsMarkedWithItsReasons() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));

    TrustRow late = f.workloadRow("late");
    assertTrue(late.marked());
    assertTrue(
        late.reasons().get(0).contains("not to the current root"), late.reasons().toString());
    assertFalse(f.workloadRow("a").marked());
  }

  @Test
  void groupingByBundlePutsTheMajorityBundleFirst() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));
    f.model.groupingProperty().set(Grouping.BUNDLE);

    assertEquals(2, f.rows().size());
    assertEquals(2, f.rows().get(0).children().size());
    assertTrue(f.rows().get(0).other().contains("held by most"));
  }

  @Test
  void onlyStragglersLeavesTheWorkloadsStandingOut() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));
    f.model.stragglersOnlyProperty().set(true);

    assertEquals(1, f.rows().size());
    assertEquals("late", f.rows().get(0).children().get(0).name());
  }

  @Test
  void filterKeepsMatchingWorkloads() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));
    f.model.filterTextProperty().set("SA/B");

    assertEquals(1, f.rows().size());
    assertEquals(List.of("b"), f.rows().get(0).children().stream().map(TrustRow::name).toList());
  }

  @Test
  void fileWithoutCertificatesIsReportedAsNotRead() throws IOException {
    f.model.addPaths(List.of(MeshFixture.text(dir, "notes.txt", "hello")));

    MeshData data = f.model.analysisProperty().get().data();
    assertEquals(1, data.failures().size());
    assertEquals("notes.txt", data.failures().get(0).name());
  }

  @Test
  void statusCountsWorkloadsStragglersAndCertificates() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));

    assertEquals(
        "3 files: 3 workloads, 1 standing out, 5 certificates on the timeline, 0 not read",
        f.model.statusProperty().get());
  }

  @Test
  void openFilesReadsWhatTheUserChose() throws IOException {
    f.filesToChoose = f.rotationDumps(dir);
    f.model.openFiles();

    assertEquals(3, f.model.analysisProperty().get().trust().workloads().size());
  }

  @Test
  void comparingTwoSelectedWorkloadsShowsWhoRejectsWhom() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));
    f.model.selectionProperty().set(workloads("late", "a"));
    Comparison c = f.model.compareSelected().orElseThrow();

    assertEquals(Comparison.Acceptance.NO, c.leftAcceptsRight());
    assertEquals(Comparison.Acceptance.YES, c.rightAcceptsLeft());
  }

  @Test
  void comparingNeedsExactlyTwoWorkloads() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));
    f.model.selectionProperty().set(workloads("a"));

    assertEquals(Optional.empty(), f.model.compareSelected());
    assertEquals("Select two workloads to compare.", f.model.statusProperty().get());
  }

  @Test
  void openingAWorkloadSendsItsChainAndBundleToInspect() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));
    f.model.openWorkload(workloads("a").get(0));

    assertEquals(List.of("a (from Mesh)"), f.opened);
    // leaf, new root (served and held), old root (held): each once
    assertEquals(3, f.openedPem.get(0).split("-----BEGIN CERTIFICATE-----", -1).length - 1);
  }

  @Test
  void resultOfASupersededReadIsDropped() throws IOException {
    MeshFixture deferred = new MeshFixture(SyncTaskRunner.deferredWithLateCancel());
    List<Path> dumps = deferred.rotationDumps(dir);
    deferred.model.addPaths(dumps);
    deferred.model.addPaths(dumps.subList(0, 1));
    deferred.runner.runLatest();
    deferred.runner.runNext();

    assertEquals(1, deferred.model.analysisProperty().get().trust().workloads().size());
  }

  @Test
  void cancelDropsTheReadAndKeepsWhatWasShown() throws IOException {
    MeshFixture deferred = new MeshFixture(SyncTaskRunner.deferred());
    deferred.model.addPaths(deferred.rotationDumps(dir));
    deferred.model.cancel();
    deferred.runner.runAll();

    assertTrue(deferred.model.analysisProperty().get().data().isEmpty());
    assertFalse(deferred.model.busyProperty().get());
  }

  @Test
  void clearShowsNothing() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));
    f.model.clear();

    assertTrue(f.rows().isEmpty());
    assertTrue(f.model.timeline().timelineProperty().get().bars().isEmpty());
  }

  @Test
  void failingWorkShowsAProblem() {
    f.model.start(
        "Reading",
        p -> {
          throw new IllegalStateException("boom");
        });

    assertEquals(1, f.problems.size());
    assertTrue(f.problems.get(0).whatHappened().contains("boom"));
  }
}
