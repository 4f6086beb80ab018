package dev.meshcert.ui.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.meshcert.kube.pull.SnapshotFiles;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mesh screen lists the DestinationRule TLS contradictions of a scan, and the same ones when
 * the scan is saved to a snapshot file and opened again.
 */
class SnapshotConflictsTest {

  @TempDir Path dir;
  final SnapshotFiles files = new SnapshotFiles(TestPki.CLOCK, "meshcert test");
  final MeshFixture f = new MeshFixture(SyncTaskRunner.immediate(), Optional.of(files));
  final SnapshotViewModel snapshots =
      f.snapshots(files, () -> Optional.empty(), () -> Optional.empty());

  private List<String> shownContradictions() {
    return f.model.analysisProperty().get().data().problems().stream()
        .filter(p -> p.startsWith("DestinationRule "))
        .toList();
  }

  @Test
  void reopenedSnapshotListsTheContradictionsTheScanListed() {
    new ScanViewModel(
            f.model, new FakeScans(), FakeScans::demo, MeshFixture.MESSAGES, TestPki.CLOCK)
        .scanDemo();
    List<String> live = shownContradictions();
    Path file = dir.resolve("demo.json");
    snapshots.save(f.model.analysisProperty().get().data(), file);
    f.model.clear();

    f.model.addPaths(List.of(file));

    assertFalse(live.isEmpty(), "the demo has contradicting DestinationRules");
    assertEquals(live, shownContradictions());
  }
}
