package dev.meshcert.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.app.GuiComposition;
import dev.meshcert.kube.pull.Snapshot;
import dev.meshcert.kube.pull.SnapshotFiles;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.mesh.MeshData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files handed to the window from outside (command line, second launch, file association) open in
 * the screen their content belongs to, whatever their names.
 */
@ExtendWith(ApplicationExtension.class)
class OpenByContentTest {

  static final String CONFIG_DUMP =
      "/corpus/istio/istioctl/pkg/writer/envoy/configdump/testdata/secret/istio/config_dump.json";

  @TempDir Path dir;
  GuiComposition app;

  @Start
  void start(Stage stage) {
    app = new GuiComposition(TestPki.CLOCK);
    app.start(stage, List.of());
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(app::close);
  }

  private Path configDump(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(CONFIG_DUMP)) {
      return Files.write(dir.resolve(name), in.readAllBytes());
    }
  }

  private MeshData meshShown() {
    return app.mesh().model().analysisProperty().get().data();
  }

  private void open(FxRobot robot, Path... files) {
    robot.interact(() -> app.window().open(List.of(files)));
  }

  @Test
  void configDumpOpensInTheMeshScreenAsASnapshotThatCanBeSaved(FxRobot robot) throws Exception {
    open(robot, configDump("productpage.json"));

    waitFor(() -> !meshShown().workloads().isEmpty());
    assertSame(app.mesh(), onFx(() -> app.window().selected()));
    assertTrue(meshShown().savable(), "an opened dump can be saved as a snapshot");
  }

  @Test
  void snapshotFileOpensInTheMeshScreen(FxRobot robot) throws Exception {
    SnapshotFiles files = new SnapshotFiles(TestPki.CLOCK, "test");
    Path dump = configDump("dump.json");
    Snapshot imported = files.open(dump);
    Path snapshot = dir.resolve("saved-mesh.data");
    files.save(imported, snapshot);

    open(robot, snapshot);

    waitFor(() -> !meshShown().workloads().isEmpty());
    assertSame(app.mesh(), onFx(() -> app.window().selected()));
    assertEquals("saved-mesh.data", meshShown().origin());
  }

  @Test
  void bugReportArchiveOpensInTheMeshScreen(FxRobot robot) throws Exception {
    byte[] dump = Files.readAllBytes(configDump("d.json"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      TarArchiveEntry e = new TarArchiveEntry("bug-report/proxies/shop/cart-7d4f/config_dump");
      e.setSize(dump.length);
      e.setModTime(java.util.Date.from(Instant.parse("2026-12-03T00:00:00Z")));
      tar.putArchiveEntry(e);
      tar.write(dump);
      tar.closeArchiveEntry();
    }
    Path archive = Files.write(dir.resolve("report"), bytes.toByteArray());

    open(robot, archive);

    waitFor(() -> !meshShown().workloads().isEmpty());
    assertEquals("shop/cart-7d4f", meshShown().workloads().get(0).workload());
  }

  @Test
  void certificatesAndDumpsGoToTheirScreensAndTheFirstFilesScreenShows(FxRobot robot)
      throws Exception {
    Path pem =
        Files.writeString(dir.resolve("root.pem"), new TestPki().root("CN=Given").issue().pem());

    open(robot, pem, configDump("named-like-a.pem"));

    waitFor(() -> !meshShown().workloads().isEmpty() && inspectSources(robot) == 1);
    assertEquals(1, inspectSources(robot));
    assertSame(app.inspect(), onFx(() -> app.window().selected()));
  }

  private static int inspectSources(FxRobot robot) {
    TreeView<?> tree = robot.lookup("#inspect-tree").queryAs(TreeView.class);
    return onFx(() -> tree.getRoot() == null ? 0 : tree.getRoot().getChildren().size());
  }

  private static <T> T onFx(Callable<T> action) {
    try {
      return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void waitFor(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      // the assertions after the wait report what is missing
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
