package dev.meshcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meshcert snapshot save|open} on the demo mesh. */
class SnapshotCommandTest {

  @TempDir Path dir;

  @Test
  void demoSnapshotIsSavedAndOpenedWithoutACluster() throws Exception {
    Path file = dir.resolve("demo.json");

    CliRun save = CliRun.run("snapshot", "save", file.toString(), "--demo");
    CliRun open = CliRun.run("snapshot", "open", file.toString());

    assertEquals(0, save.exitCode(), save.err());
    assertTrue(Files.size(file) > 0);
    assertTrue(save.out().startsWith("Saved "), save.out());
    assertEquals(1, open.exitCode(), open.err());
    assertTrue(open.out().contains("bookinfo/details-v1-79f774bdb9-kq2lw"), open.out());
    assertTrue(open.out().contains("MISMATCH"), open.out());
  }

  @Test
  void openedSnapshotPrintsTheDestinationRuleContradictionsTheScanPrints() throws Exception {
    Path file = dir.resolve("demo.json");
    CliRun.run("snapshot", "save", file.toString(), "--demo");

    CliRun scan = CliRun.run("scan", "--demo", "-A");
    CliRun open = CliRun.run("snapshot", "open", file.toString());

    List<String> live = contradictions(scan.out());
    assertFalse(live.isEmpty(), scan.out());
    assertEquals(live, contradictions(open.out()));
  }

  private static List<String> contradictions(String out) {
    return out.lines().filter(l -> l.startsWith("  ERROR DestinationRule")).toList();
  }

  @Test
  void snapshotOfOnePodHoldsThatPod() throws Exception {
    Path file = dir.resolve("one.json");

    CliRun save =
        CliRun.run(
            "snapshot",
            "save",
            file.toString(),
            "--demo",
            "--pod",
            "emojivoto/web-5f86686c4d-58p7k");

    assertEquals(0, save.exitCode(), save.err());
    assertTrue(save.out().startsWith("Saved 1 pods of demo (1 chains pulled)"), save.out());
  }

  @Test
  void unreadableFileExitsWithTwo() throws Exception {
    Path file = dir.resolve("not-a-snapshot.txt");
    Files.writeString(file, "hello");

    CliRun open = CliRun.run("snapshot", "open", file.toString());

    assertEquals(2, open.exitCode());
    assertTrue(open.err().contains("neither a snapshot"), open.err());
  }
}
