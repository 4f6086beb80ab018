package dev.meshcert.ui.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.pull.Snapshot;
import dev.meshcert.kube.pull.SnapshotService;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotViewModelTest {

  /** Keeps snapshots in memory by path. */
  static final class MemorySnapshots implements SnapshotService {
    final Map<Path, Snapshot> files = new HashMap<>();

    @Override
    public void save(Snapshot snapshot, Path file) {
      files.put(file, snapshot);
    }

    @Override
    public Snapshot open(Path file) throws IOException {
      Snapshot s = files.get(file);
      if (s == null) {
        throw new NoSuchFileException(file.toString());
      }
      return s;
    }
  }

  final MeshFixture f = new MeshFixture();
  final FakeScans scans = new FakeScans();
  final MemorySnapshots store = new MemorySnapshots();
  Optional<Path> saveAs = Optional.of(Path.of("mesh.json"));
  Optional<Path> openAs = Optional.of(Path.of("mesh.json"));
  final SnapshotViewModel snapshots = f.snapshots(store, () -> saveAs, () -> openAs);

  private void scanDemo() {
    new ScanViewModel(f.model, scans, FakeScans::demo, MeshFixture.MESSAGES, TestPki.CLOCK)
        .scanDemo();
  }

  @Test
  void saveWritesTheScanShown() {
    scanDemo();
    snapshots.save();

    Snapshot saved = store.files.get(Path.of("mesh.json"));
    assertEquals(SnapshotService.FORMAT_VERSION, saved.version());
    assertEquals("meshcert test", saved.savedBy());
    assertEquals(3, saved.contexts().get(0).pods().size());
    assertEquals("Saved mesh.json.", f.model.statusProperty().get());
  }

  @Test
  void openedSnapshotShowsInTheSameViews() {
    scanDemo();
    snapshots.save();
    f.model.clear();
    snapshots.open();

    MeshAnalysis a = f.model.analysisProperty().get();
    assertEquals(2, a.trust().workloads().size());
    assertEquals(3, a.timeline().bars().size());
    assertEquals("mesh.json", a.data().origin());
  }

  @Test
  void anEmptyViewCannotBeSavedAsASnapshot() {
    f.model.show(MeshData.empty(TestPki.NOW));
    snapshots.save();

    assertTrue(store.files.isEmpty());
    assertFalse(snapshots.savableProperty().get());
  }

  @Test
  void snapshotThatCannotBeOpenedShowsAProblem() {
    openAs = Optional.of(Path.of("missing.json"));
    snapshots.open();

    assertEquals(1, f.problems.size());
    assertTrue(f.problems.get(0).whatHappened().contains("missing.json"));
  }

  @Test
  void savingIsSkippedWhenTheUserCancels() {
    scanDemo();
    saveAs = Optional.empty();
    snapshots.save();

    assertTrue(store.files.isEmpty());
    assertTrue(snapshots.savableProperty().get());
    assertEquals(List.of(), f.problems);
  }
}
