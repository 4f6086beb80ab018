package dev.meshcert.ui.shell;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.meshcert.app.GuiComposition;
import dev.meshcert.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The screen a launch opens on: the mesh without files, the files' screen with them. */
@ExtendWith(ApplicationExtension.class)
class LaunchScreenTest {

  @TempDir Path dir;
  Stage stage;
  GuiComposition app;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void close(FxRobot robot) {
    if (app != null) {
      robot.interact(app::close);
    }
  }

  @Test
  void withoutFilesOpensOnTheClusterScreen(FxRobot robot) {
    robot.interact(
        () -> {
          app = new GuiComposition(TestPki.CLOCK, true);
          app.launch(stage, List.of());
        });

    assertSame(app.cluster(), app.window().selected());
  }

  @Test
  void withACertificateFileOpensOnTheInspectScreen(FxRobot robot) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("given.pem"), new TestPki().root("CN=Given Root").issue().pem());
    robot.interact(
        () -> {
          app = new GuiComposition(TestPki.CLOCK, true);
          app.launch(stage, List.of(file));
        });

    assertSame(app.inspect(), app.window().selected());
  }
}
