package dev.meshcert.ui.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.app.GuiComposition;
import dev.meshcert.testpki.TestPki;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Mesh tab in the real window, wired as the application wires it, driven through TestFX. */
@ExtendWith(ApplicationExtension.class)
class MeshScreenTest {

  private static final PseudoClass STRAGGLER = PseudoClass.getPseudoClass("straggler");

  @TempDir Path dir;
  GuiComposition app;
  final MeshFixture dumps = new MeshFixture();

  @Start
  void start(Stage stage) {
    app = new GuiComposition(TestPki.CLOCK);
    app.start(stage, List.of());
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(app::close);
  }

  private void loadRotation(FxRobot robot) throws Exception {
    List<Path> files = dumps.rotationDumps(dir);
    robot.interact(
        () -> {
          app.window().select(app.mesh());
          app.mesh().model().addPaths(files);
        });
    waitFor(
        () ->
            !app.mesh().model().busyProperty().get()
                && !table(robot).getRoot().getChildren().isEmpty());
  }

  @Test
  void emptyScreenSaysWhereDataComesFrom(FxRobot robot) {
    robot.interact(() -> app.window().select(app.mesh()));

    assertTrue(robot.lookup("#mesh-empty-hint").query().isVisible());
  }

  @Test
  void emptyHintSitsInTheTrustTableClearOfTheTimelineToolbar(FxRobot robot) {
    robot.interact(() -> app.window().select(app.mesh()));
    WaitForAsyncUtils.waitForFxEvents();

    javafx.geometry.Bounds hint = sceneBounds(robot.lookup("#mesh-empty-hint").query());
    javafx.geometry.Bounds bar = sceneBounds(robot.lookup("#timeline-bar").query());
    javafx.geometry.Bounds trust = sceneBounds(robot.lookup("#trust-table").query());

    assertTrue(hint.getWidth() > 0 && hint.getHeight() > 0, hint.toString());
    assertFalse(hint.intersects(bar), hint + " overlaps the toolbar " + bar);
    assertTrue(trust.contains(hint), hint + " outside the trust table " + trust);
  }

  private static javafx.geometry.Bounds sceneBounds(javafx.scene.Node n) {
    return n.localToScene(n.getBoundsInLocal());
  }

  @Test
  void workloadLeftOnTheOldRootIsMarkedInTheTrustTable(FxRobot robot) throws Exception {
    loadRotation(robot);

    TreeTableRow<?> row =
        robot
            .lookup(".trust-row")
            .match(n -> ((TreeTableRow<?>) n).getPseudoClassStates().contains(STRAGGLER))
            .queryAs(TreeTableRow.class);
    assertEquals("late", ((TrustRow) row.getItem()).name());
  }

  @Test
  void byBundleRegroupsTheTable(FxRobot robot) throws Exception {
    loadRotation(robot);
    robot.clickOn("#group-by-bundle");
    WaitForAsyncUtils.waitForFxEvents();

    TrustRow first = (TrustRow) table(robot).getRoot().getChildren().get(0).getValue();
    assertTrue(first.other().contains("held by most"), first.other());
  }

  @Test
  void clickingATimelineRowOpensItsCertificateInInspect(FxRobot robot) throws Exception {
    loadRotation(robot);
    TimelineChart chart = robot.lookup("#timeline-chart").queryAs(TimelineChart.class);
    Point2D point = onFx(() -> chart.localToScreen(40, chart.rowCentre(0)));
    robot.clickOn(point);
    waitFor(
        () ->
            app.inspect().model().sourceNames().size() == 1
                && !app.inspect().model().busyProperty().get());

    TabPane tabs = robot.lookup("#screens").queryAs(TabPane.class);
    assertEquals("Inspect", tabs.getSelectionModel().getSelectedItem().getText());
    assertTrue(app.inspect().model().sourceNames().get(0).endsWith("(from Mesh)"));
  }

  @Test
  void compareShowsTheTwoSelectedWorkloadsSideBySide(FxRobot robot) throws Exception {
    loadRotation(robot);
    robot.interact(
        () -> {
          TreeTableView<TrustRow> table = table(robot);
          table.getSelectionModel().clearSelection();
          for (TreeItem<TrustRow> group : table.getRoot().getChildren()) {
            for (TreeItem<TrustRow> w : group.getChildren()) {
              if (w.getValue().name().equals("a") || w.getValue().name().equals("late")) {
                table.getSelectionModel().select(w);
              }
            }
          }
        });
    robot.clickOn("#compare");
    waitFor(() -> robot.lookup("#compare-verdict").tryQuery().isPresent());

    String verdict = robot.lookup("#compare-verdict").queryAs(Label.class).getText();
    assertTrue(verdict.contains("non-identical root bundles"), verdict);
  }

  @Test
  void scanningTheDemoMeshFillsTheTrustTableAndTheTimeline(FxRobot robot) {
    robot.interact(() -> app.window().select(app.mesh()));
    robot.clickOn("#scan-demo");
    waitFor(
        () ->
            !app.mesh().model().busyProperty().get()
                && !table(robot).getRoot().getChildren().isEmpty());

    TimelineChart chart = robot.lookup("#timeline-chart").queryAs(TimelineChart.class);
    assertTrue(chart.timelineProperty().get().bars().size() > 5);
    assertTrue(
        robot
            .lookup(".trust-row")
            .match(n -> ((TreeTableRow<?>) n).getPseudoClassStates().contains(STRAGGLER))
            .tryQuery()
            .isPresent());
  }

  @SuppressWarnings("unchecked")
  private static TreeTableView<TrustRow> table(FxRobot robot) {
    return robot.lookup("#trust-table").queryAs(TreeTableView.class);
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
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new AssertionError("condition not met in time", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
