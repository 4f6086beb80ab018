package dev.meshcert.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.app.GuiComposition;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** Files named on the command line are open when the window shows. */
@ExtendWith(ApplicationExtension.class)
class CommandLineFilesTest {

  @TempDir Path dir;
  GuiComposition app;

  @Start
  void start(Stage stage) throws IOException {
    TestPki.Issued root = new TestPki().root("CN=Given Root").issue();
    Path file = Files.writeString(dir.resolve("given.pem"), root.pem());
    app = new GuiComposition(TestPki.CLOCK);
    app.start(stage, List.of(file));
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(app::close);
  }

  @Test
  void fileGivenOnTheCommandLineIsShown(FxRobot robot) throws Exception {
    TreeView<?> tree = robot.lookup("#inspect-tree").queryAs(TreeView.class);

    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tree.getRoot().getChildren().size() == 1);

    assertEquals(
        "given.pem",
        ((dev.meshcert.ui.inspect.InspectNode) tree.getRoot().getChildren().get(0).getValue())
            .label());
  }
}
