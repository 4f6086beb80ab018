package dev.meshcert.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.app.GuiComposition;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, wired as the application wires it, driven through TestFX. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

  private static final PseudoClass EXPIRED = PseudoClass.getPseudoClass("expired");
  private static final PseudoClass CERTIFICATE = PseudoClass.getPseudoClass("certificate");

  @TempDir Path dir;
  GuiComposition app;

  final TestPki pki = new TestPki();
  final TestPki.Issued root = pki.root("CN=Mesh Root").issue();
  final TestPki.Issued leaf =
      pki.leaf(root).uriSan("spiffe://cluster.local/ns/shop/sa/cart").issue();
  final TestPki.Issued expired =
      pki.leaf(root)
          .subject("CN=old-gateway")
          .validity(TestPki.NOW.minus(Duration.ofDays(90)), TestPki.NOW.minus(Duration.ofDays(3)))
          .issue();

  @Start
  void start(Stage stage) {
    app = new GuiComposition(TestPki.CLOCK);
    app.start(stage, List.of());
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(app::close);
  }

  @Test
  void startsWithTheDropHint(FxRobot robot) {
    assertTrue(robot.lookup("#empty-hint").query().isVisible());
  }

  @Test
  void droppedFileShowsSourceChainAndCertificates(FxRobot robot) {
    drop(robot, write("mesh.pem", leaf, root));

    TreeView<?> tree = tree(robot);
    TreeItem<?> source = tree.getRoot().getChildren().get(0);
    assertEquals("mesh.pem", label(robot, source));
    assertFalse(robot.lookup("#empty-hint").query().isVisible());
    assertEquals(2, source.getChildren().get(0).getChildren().size());
  }

  @Test
  void expiredCertificateIsMarkedExpired(FxRobot robot) {
    drop(robot, write("old.pem", expired, root));

    Node cell =
        robot
            .lookup(".inspect-cell")
            .match(n -> n.getPseudoClassStates().contains(EXPIRED))
            .match(n -> n.getPseudoClassStates().contains(CERTIFICATE))
            .query();
    assertEquals("old-gateway", ((Label) robot.from(cell).lookup(".node-name").query()).getText());
  }

  @Test
  void filterHidesSourcesThatDoNotMatch(FxRobot robot) {
    drop(robot, write("a.pem", leaf, root), write("old.pem", expired));

    robot.interact(() -> robot.lookup("#filter").query().requestFocus());
    robot.write("old-gateway");
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(1, tree(robot).getRoot().getChildren().size());
    assertEquals("old.pem", label(robot, tree(robot).getRoot().getChildren().get(0)));
  }

  @Test
  void copyPemShortcutPutsThePemOnTheClipboard(FxRobot robot) {
    drop(robot, write("root.pem", root));
    robot.interact(() -> tree(robot).requestFocus());
    robot.type(KeyCode.HOME, KeyCode.DOWN);

    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C)
        .release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();

    String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
    assertEquals(root.pem().replace("\r\n", "\n"), copied);
  }

  @Test
  void arrowKeysMoveTheSelectionAndTheDetailsFollow(FxRobot robot) {
    drop(robot, write("mesh.pem", leaf, root));
    robot.interact(() -> tree(robot).requestFocus());

    robot.type(KeyCode.HOME).type(KeyCode.DOWN, 2);

    Label title = robot.lookup(".details-title").queryAs(Label.class);
    assertEquals("spiffe://cluster.local/ns/shop/sa/cart", title.getText());
  }

  @Test
  void deleteKeyRemovesTheSelectedSource(FxRobot robot) {
    drop(robot, write("root.pem", root));
    robot.interact(() -> tree(robot).requestFocus());

    robot.type(KeyCode.HOME).type(KeyCode.DELETE);
    waitFor(() -> !app.inspect().model().busyProperty().get());

    assertTrue(tree(robot).getRoot().getChildren().isEmpty());
    assertTrue(robot.lookup("#empty-hint").query().isVisible());
  }

  @Test
  void statusBarSummarisesWhatWasRead(FxRobot robot) {
    drop(robot, write("old.pem", expired, root));

    StatusBar bar = robot.lookup("#status-bar").queryAs(StatusBar.class);
    assertEquals(
        "1 source · 2 certificates · 1 expired · 0 expiring · 0 not yet valid", bar.getText());
  }

  private void drop(FxRobot robot, Path... files) {
    boolean taken = onFx(() -> app.window().drop(List.of(files), Optional.empty()));
    assertTrue(taken);
    waitFor(
        () ->
            !app.inspect().model().busyProperty().get()
                && tree(robot).getRoot().getChildren().size() == files.length);
  }

  private static <T> T onFx(java.util.concurrent.Callable<T> action) {
    try {
      return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("condition not met in time", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static TreeView<?> tree(FxRobot robot) {
    return robot.lookup("#inspect-tree").queryAs(TreeView.class);
  }

  private static String label(FxRobot robot, TreeItem<?> item) {
    return ((dev.meshcert.ui.inspect.InspectNode) item.getValue()).label();
  }

  private Path write(String name, TestPki.Issued... certs) {
    StringBuilder b = new StringBuilder();
    for (TestPki.Issued c : certs) {
      b.append(c.pem());
    }
    try {
      return Files.writeString(dir.resolve(name), b, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
