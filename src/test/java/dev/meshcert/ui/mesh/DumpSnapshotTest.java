package dev.meshcert.ui.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.pull.Snapshot;
import dev.meshcert.kube.pull.SnapshotFiles;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Dumps opened in the Mesh screen are imported as snapshot contexts, so "Save snapshot" saves them;
 * files handed to the screen are sorted by content (snapshots, dumps, PEM).
 */
class DumpSnapshotTest {

  @TempDir Path dir;
  final SnapshotFiles files = new SnapshotFiles(TestPki.CLOCK, "meshcert test");
  final MeshFixture f = new MeshFixture(SyncTaskRunner.immediate(), Optional.of(files));
  Optional<Path> saveAs = Optional.empty();
  final SnapshotViewModel snapshots = f.snapshots(files, () -> saveAs, () -> Optional.empty());

  private MeshData shown() {
    return f.model.analysisProperty().get().data();
  }

  @Test
  void openedDumpsCanBeSavedAsASnapshot() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));

    assertTrue(snapshots.savableProperty().get());
    saveAs = Optional.of(dir.resolve("saved.json"));
    snapshots.save();

    Snapshot saved = files.open(dir.resolve("saved.json"));
    assertEquals(3, saved.contexts().size());
    assertEquals(
        List.of("default/a", "default/b", "default/late"),
        saved.contexts().stream().flatMap(c -> c.pods().stream()).map(p -> p.ref()).toList());
  }

  @Test
  void savedDumpsReopenWithTheirWorkloads() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));
    Path file = dir.resolve("saved.json");
    snapshots.save(shown(), file);
    f.model.clear();

    f.model.addPaths(List.of(file));

    assertEquals(3, shown().workloads().size());
    assertEquals("saved.json", shown().origin());
  }

  /** What {@code istioctl ... -o yaml} prints for a dump: JSON turned into block YAML. */
  private static byte[] yaml(byte[] json) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Object tree = new Yaml().load(new String(json, StandardCharsets.UTF_8));
    return new Yaml(options).dump(tree).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void openDumpsTakesASnapshotFileByItsContent() throws IOException {
    f.model.addPaths(f.rotationDumps(dir));
    Path file = dir.resolve("saved.data");
    snapshots.save(shown(), file);
    f.model.clear();
    f.filesToChoose = List.of(file);

    f.model.openFiles();

    assertEquals(3, shown().workloads().size(), shown().toString());
    assertTrue(shown().failures().isEmpty(), shown().failures().toString());
    assertTrue(snapshots.savableProperty().get());
  }

  @Test
  void envoyDumpInYamlCanBeSavedAsASnapshot() throws IOException {
    Path json = f.rotationDumps(dir).get(0);
    Path yaml = Files.write(dir.resolve("a.yaml"), yaml(Files.readAllBytes(json)));

    f.model.addPaths(List.of(yaml));

    assertEquals(1, shown().workloads().size(), shown().toString());
    assertTrue(shown().problems().isEmpty(), shown().problems().toString());
    assertEquals(1, shown().scans().size());
  }

  @Test
  void pemFilesAloneCannotBeSaved() throws IOException {
    Path pem = Files.writeString(dir.resolve("root.pem"), f.pki.newRoot.pem());

    f.model.addPaths(List.of(pem));

    assertFalse(snapshots.savableProperty().get());
  }

  @Test
  void openFilesSortsASnapshotAndADumpByContentAndShowsBoth() throws IOException {
    List<Path> dumps = f.rotationDumps(dir);
    Path snapshot = dir.resolve("first.data");
    files.save(files.open(dumps.get(0)), snapshot);

    f.model.addPaths(List.of(snapshot, dumps.get(2)));

    assertEquals(2, shown().workloads().size(), shown().toString());
    assertEquals("2 files", shown().origin());
    assertEquals(2, shown().scans().size());
  }
}
