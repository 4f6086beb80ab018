package dev.meshcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.inspect.InspectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A second launch with a file hands it to the running window, wired as the launcher wires it. */
@ExtendWith(ApplicationExtension.class)
class SecondLaunchTest {

  @TempDir Path dir;
  GuiComposition app;
  SingleInstance first;

  @Start
  void start(Stage stage) {
    app = new GuiComposition(TestPki.CLOCK);
    app.start(stage, List.of());
    FileInbox inbox = new FileInbox();
    first = new SingleInstance(dir.resolve("runtime"));
    first.becomePrimary(inbox::deliver);
    inbox.connect(files -> Platform.runLater(() -> app.window().open(files)));
  }

  @AfterEach
  void close(FxRobot robot) {
    first.close();
    robot.interact(app::close);
  }

  @Test
  void fileOfASecondLaunchOpensInTheRunningWindow(FxRobot robot) throws Exception {
    Path file =
        Files.writeString(dir.resolve("handed.pem"), new TestPki().root("CN=Handed").issue().pem());

    boolean handed = new SingleInstance(dir.resolve("runtime")).handOff(List.of(file));

    assertTrue(handed);
    TreeView<?> tree = robot.lookup("#inspect-tree").queryAs(TreeView.class);
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tree.getRoot().getChildren().size() == 1);
    assertEquals(
        "handed.pem", ((InspectNode) tree.getRoot().getChildren().get(0).getValue()).label());
  }

  @Test
  void handedFileJoinsTheRecentFiles(FxRobot robot) throws Exception {
    Path file =
        Files.writeString(dir.resolve("recent.pem"), new TestPki().root("CN=R").issue().pem());

    new SingleInstance(dir.resolve("runtime")).handOff(List.of(file));

    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> !app.preferences().get().recentFiles().isEmpty());
    assertEquals(
        file.toAbsolutePath().normalize().toString(), app.preferences().get().recentFiles().get(0));
  }
}
