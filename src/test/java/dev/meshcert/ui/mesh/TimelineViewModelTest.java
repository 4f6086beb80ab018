package dev.meshcert.ui.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.timeline.TimeScale;
import dev.meshcert.mesh.timeline.TimelineBar;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineViewModelTest {

  @TempDir Path dir;
  final MeshFixture f = new MeshFixture();
  TimelineViewModel t;

  @BeforeEach
  void load() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));
    t = f.model.timeline();
  }

  @Test
  void loadingShowsTheWindowAroundNowThatFitsTheLeaves() {
    assertEquals(
        new TimeScale.Range(
            TestPki.NOW.minus(Duration.ofHours(24)), TestPki.NOW.plus(Duration.ofHours(24))),
        t.rangeProperty().get());
  }

  @Test
  void everyDistinctCertificateIsABar() {
    // three leaves, two roots
    assertEquals(5, t.timelineProperty().get().bars().size());
  }

  @Test
  void leavesFilterHidesTheRoots() {
    t.filterProperty().set(BarFilter.LEAVES);

    assertTrue(
        t.timelineProperty().get().bars().stream()
            .allMatch(b -> b.role() == TimelineBar.Role.LEAF));
    assertEquals(3, t.timelineProperty().get().bars().size());
  }

  @Test
  void filterTextOfTheTrustTreeAlsoFiltersTheTimeline() {
    f.model.filterTextProperty().set("late");

    assertEquals(1, t.timelineProperty().get().bars().size());
  }

  @Test
  void fitAllSpansFromTheEarliestStartToTheLatestEnd() {
    t.fitAll();

    assertEquals(f.pki.oldFacts.notBefore(), t.rangeProperty().get().from());
  }

  @Test
  void zoomInHalvesTheRangeAroundNow() {
    t.zoomIn();

    assertEquals(
        new TimeScale.Range(
            TestPki.NOW.minus(Duration.ofHours(12)), TestPki.NOW.plus(Duration.ofHours(12))),
        t.rangeProperty().get());
  }

  @Test
  void openingABarSendsItsCertificateToInspect() {
    TimelineBar bar = t.timelineProperty().get().bars().get(0);
    t.open(bar);

    assertEquals(1, f.opened.size());
    assertTrue(f.openedPem.get(0).startsWith("-----BEGIN CERTIFICATE-----"));
    assertTrue(f.opened.get(0).startsWith(bar.label()));
  }

  @Test
  void tooltipTellsValidityRotationAndState() {
    TimelineBar leaf =
        t.timelineProperty().get().bars().stream()
            .filter(b -> b.role() == TimelineBar.Role.LEAF)
            .findFirst()
            .orElseThrow();
    String text = t.describe(leaf);

    assertTrue(text.contains("Expected rotation: 2026-12-04 11:00 UTC"), text);
    assertTrue(text.contains("expires in 23 h"), text);
  }
}
