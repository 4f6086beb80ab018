package dev.meshcert.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.app.GuiComposition;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Zoom, theme, evidence cards, reports and the window picture on the real window. */
@ExtendWith(ApplicationExtension.class)
class ShellFeaturesTest {

  @TempDir Path dir;
  GuiComposition app;

  final TestPki pki = new TestPki();
  final TestPki.Issued root = pki.root("CN=Shop Root").issue();
  final TestPki.Issued leaf =
      pki.leaf(root)
          .serial(new BigInteger("6c1d2e3f40516273849506a7b8c9dae1", 16))
          .uriSan("spiffe://cluster.local/ns/payments/sa/ledger")
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
  void ctrlPlusZoomsTheWholeWindowAndCtrlZeroResetsIt(FxRobot robot) {
    double before = fontSize(robot);
    robot.interact(() -> robot.lookup("#screens").query().requestFocus());

    robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(120, app.appearance().zoomProperty().get());
    assertEquals(before * 1.2, fontSize(robot), 0.01);

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(before, fontSize(robot), 0.01);
  }

  @Test
  void zoomStopsAtTwoHundredPercent(FxRobot robot) {
    robot.interact(
        () -> {
          for (int i = 0; i < 15; i++) {
            app.appearance().zoomIn();
          }
        });

    assertEquals(200, app.appearance().zoomProperty().get());
    assertEquals(30.0, fontSize(robot), 0.01);
  }

  @Test
  void darkThemeDarkensTheDetailsBackground(FxRobot robot) {
    Color light = background(robot);

    robot.interact(() -> app.appearance().themeProperty().set(dev.meshcert.ui.common.Theme.DARK));
    WaitForAsyncUtils.waitForFxEvents();

    assertTrue(light.getBrightness() > 0.9, light.toString());
    assertTrue(background(robot).getBrightness() < 0.2, background(robot).toString());
  }

  @Test
  void presentationModeEnlargesTheType(FxRobot robot) {
    double before = fontSize(robot);

    robot.interact(() -> app.appearance().presentationProperty().set(true));
    WaitForAsyncUtils.waitForFxEvents();

    assertTrue(fontSize(robot) > before * 1.3, () -> "font " + fontSize(robot));
    assertTrue(
        onFx(
            () ->
                robot
                    .lookup(".main-window")
                    .query()
                    .getScene()
                    .getRoot()
                    .getStyleClass()
                    .contains("presentation")));
  }

  @Test
  void evidenceCardOfTheSelectedCertificateIsMarkdownWithTheCommand(FxRobot robot)
      throws Exception {
    selectLeaf(robot, "ledger.pem");

    String md = onFx(() -> app.window().reports().evidenceMarkdown().orElseThrow());

    assertTrue(md.startsWith("### "), md);
    assertTrue(md.contains("spiffe://cluster.local/ns/payments/sa/ledger"), md);
    assertTrue(
        md.contains("meshcert inspect --at 2026-12-04T00:00:00Z " + dir.resolve("ledger.pem")), md);
  }

  @Test
  void evidenceCardIsRedactedWhenTheSwitchIsOn(FxRobot robot) throws Exception {
    selectLeaf(robot, "ledger.pem");
    robot.interact(() -> app.redactor().enabledProperty().set(true));

    String md = onFx(() -> app.window().reports().evidenceMarkdown().orElseThrow());

    assertFalse(md.contains("6C1D2E3F40516273849506A7B8C9DAE1"), md);
    assertTrue(md.contains("\u2039serial"), md);
  }

  @Test
  void evidenceCardPictureIsDrawnAtDoubleDensity(FxRobot robot) throws Exception {
    selectLeaf(robot, "ledger.pem");

    var image = onFx(() -> app.window().reports().evidenceImage().orElseThrow());

    assertTrue(image.getWidth() > 600, "width " + image.getWidth());
    assertTrue(image.getHeight() > 200, "height " + image.getHeight());
  }

  @Test
  void htmlReportHoldsEveryCertificateAndTheTimeline(FxRobot robot) throws Exception {
    selectLeaf(robot, "ledger.pem");
    Path file = dir.resolve("report.html");

    robot.interact(
        () ->
            app.window()
                .reports()
                .writeReport(app.window().reports().report().orElseThrow(), file));
    waitFor(() -> Files.exists(file) && Files.size(file) > 0);

    String html = Files.readString(file);
    assertTrue(html.contains("<svg"), "timeline");
    assertTrue(html.contains("Shop Root") && html.contains("ns/payments/sa/ledger"), html);
    assertFalse(html.contains("<script"), "self-contained, no scripts");
  }

  @Test
  void windowPictureIsSavedAsPng(FxRobot robot) throws Exception {
    Path file = dir.resolve("window.png");

    robot.interact(() -> app.window().reports().writeWindowImage(file));
    waitFor(() -> Files.exists(file) && Files.size(file) > 1000);

    byte[] head = Files.readAllBytes(file);
    assertEquals((byte) 0x89, head[0]);
    assertEquals('P', head[1]);
  }

  @Test
  void shortcutSheetListsTheZoomAndRedactionKeys(FxRobot robot) {
    List<HelpDialogs.Shortcut> sheet = onFx(() -> HelpDialogs.shortcuts(app.window()));

    List<String> actions = sheet.stream().map(HelpDialogs.Shortcut::action).toList();
    assertTrue(actions.contains("Zoom in"), actions.toString());
    assertTrue(actions.contains("Redact for screen sharing"), actions.toString());
    assertTrue(actions.contains("Copy PEM"), actions.toString());
  }

  @Test
  void aboutDialogListsTheVersions(FxRobot robot) {
    robot.interact(() -> menuItem("menu-about").fire());
    WaitForAsyncUtils.waitForFxEvents();

    List<String> texts = onFx(ScreenTexts::all);
    assertTrue(texts.contains("Java"), texts.toString());
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("MeshCert Inspector ")), texts.toString());
    robot.interact(() -> robot.lookup("#about-dialog").query().getScene().getWindow().hide());
  }

  @Test
  void shortcutSheetOpensFromTheHelpMenu(FxRobot robot) {
    robot.interact(() -> menuItem("menu-shortcuts").fire());
    WaitForAsyncUtils.waitForFxEvents();

    assertTrue(onFx(() -> ScreenTexts.all().contains("Ctrl+Shift+R")));
    robot.interact(() -> robot.lookup("#shortcut-dialog").query().getScene().getWindow().hide());
  }

  @Test
  void preferencesDialogChangesTheExpiryWindow(FxRobot robot) throws Exception {
    javafx.application.Platform.runLater(() -> menuItem("menu-preferences").fire());
    waitFor(() -> robot.lookup("#preferences-dialog").tryQuery().isPresent());

    robot.interact(
        () -> {
          javafx.scene.control.Spinner<?> days =
              robot
                  .lookup("#preferences-dialog .spinner")
                  .queryAs(javafx.scene.control.Spinner.class);
          days.getEditor().setText("12");
          days.commitValue();
        });
    robot.interact(
        () ->
            robot
                .lookup("#preferences-dialog .button")
                .match(n -> "OK".equals(((javafx.scene.control.Button) n).getText()))
                .queryButton()
                .fire());
    WaitForAsyncUtils.waitForFxEvents();

    assertEquals(12, app.preferences().get().expiringDays());
    assertEquals(java.time.Duration.ofDays(12), app.preferences().expiryPolicy().absoluteWindow());
  }

  private javafx.scene.control.MenuItem menuItem(String id) {
    for (javafx.scene.control.Menu m : app.window().menuBar().getMenus()) {
      for (javafx.scene.control.MenuItem i : m.getItems()) {
        if (id.equals(i.getId())) {
          return i;
        }
      }
    }
    throw new AssertionError("no menu item " + id);
  }

  private void selectLeaf(FxRobot robot, String name) throws IOException {
    Path file = Files.writeString(dir.resolve(name), leaf.pem() + root.pem());
    assertTrue(onFx(() -> app.window().drop(List.of(file), Optional.empty())));
    waitFor(
        () ->
            !app.inspect().model().busyProperty().get()
                && tree(robot).getRoot().getChildren().size() == 1);
    robot.interact(() -> tree(robot).requestFocus());
    robot.type(KeyCode.HOME).type(KeyCode.DOWN, 2);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private double fontSize(FxRobot robot) {
    return onFx(
        () -> {
          Label any = robot.lookup(".empty-title").queryAs(Label.class);
          any.applyCss();
          return any.getFont().getSize() / 1.6;
        });
  }

  private Color background(FxRobot robot) {
    return onFx(
        () -> {
          Region r = robot.lookup(".empty-hint-box").queryAs(Region.class);
          r.applyCss();
          return (Color) r.getBackground().getFills().get(0).getFill();
        });
  }

  private static TreeView<?> tree(FxRobot robot) {
    return robot.lookup("#inspect-tree").queryAs(TreeView.class);
  }

  private static <T> T onFx(Callable<T> action) {
    try {
      return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Waits until {@code condition}, evaluated on the FX thread (it reads controls), holds. */
  private static void waitFor(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("condition not met in time", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
