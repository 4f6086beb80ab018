package dev.meshcert.guarantees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.app.GuiComposition;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.inspect.InspectNode;
import dev.meshcert.ui.inspect.InspectViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with the planted inputs of {@link Planted} loaded: every tree node is selected in
 * turn, the screen's text is collected and every copy command is run. A private key never reaches
 * the screen or the clipboard; in redaction mode neither does the token nor the Secret data.
 */
@ExtendWith(ApplicationExtension.class)
class SecretsOnScreenTest {

  @TempDir Path dir;
  final Planted planted = new Planted();
  GuiComposition app;
  Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    app = new GuiComposition(TestPki.CLOCK);
    app.start(stage, List.of());
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(app::close);
  }

  @Test
  void privateKeyNeverReachesTheScreenOrTheClipboard() throws Exception {
    load();
    String seen = walk();
    assertTrue(seen.contains("cart-with-key.pem"), "the walk saw the tree");
    List<String> keyMarkers = new ArrayList<>(planted.keyBodyLines());
    List<String> leaked = keyMarkers.stream().filter(seen::contains).toList();
    assertEquals(List.of(), leaked);
  }

  @Test
  void redactionModeShowsAndCopiesNoPlantedSecret() throws Exception {
    onFx(
        () -> {
          app.redactor().enabledProperty().set(true);
          return null;
        });
    load();
    String seen = walk();
    assertTrue(seen.contains("cart-with-key.pem") || seen.contains("‹"), "the walk saw the tree");
    assertEquals(List.of(), planted.leaked(seen));
  }

  private void load() throws Exception {
    List<Path> files = planted.write(dir);
    assertTrue(onFx(() -> app.window().drop(files, Optional.empty())));
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            onFx(
                () ->
                    !model().busyProperty().get()
                        && model().treeProperty().get().size() == files.size()));
  }

  private InspectViewModel model() {
    return app.inspect().model();
  }

  /** Selects every node, collecting the scene's text and what each copy command put. */
  private String walk() throws Exception {
    StringBuilder seen = new StringBuilder();
    List<InspectNode> nodes = new ArrayList<>();
    onFx(() -> flatten(model().treeProperty().get(), nodes));
    for (InspectNode n : nodes) {
      onFx(
          () -> {
            model().selectedProperty().set(n);
            return null;
          });
      WaitForAsyncUtils.waitForFxEvents();
      seen.append(onFx(() -> sceneText(stage.getScene().getRoot()))).append('\n');
      for (Runnable copy :
          List.<Runnable>of(
              model()::copySelectedValue, model()::copySelectedPem, model()::copySelectedText)) {
        seen.append(
                onFx(
                    () -> {
                      Clipboard.getSystemClipboard().clear();
                      copy.run();
                      return Optional.ofNullable(Clipboard.getSystemClipboard().getString())
                          .orElse("");
                    }))
            .append('\n');
      }
    }
    return seen.toString();
  }

  private static Void flatten(List<InspectNode> nodes, List<InspectNode> out) {
    for (InspectNode n : nodes) {
      out.add(n);
      flatten(n.children(), out);
    }
    return null;
  }

  private static String sceneText(Node node) {
    StringBuilder b = new StringBuilder();
    if (node instanceof Labeled l && l.getText() != null) {
      b.append(l.getText()).append('\n');
    }
    if (node instanceof Text t && t.getText() != null) {
      b.append(t.getText()).append('\n');
    }
    if (node instanceof TextInputControl t && t.getText() != null) {
      b.append(t.getText()).append('\n');
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        b.append(sceneText(child));
      }
    }
    return b.toString();
  }

  private static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
  }
}
