package dev.meshcert.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {

  FxDialogService dialogs;

  @Start
  void start(Stage stage) {
    stage.setScene(new javafx.scene.Scene(new StackPane(), 400, 300));
    stage.show();
    dialogs = new FxDialogService(() -> Optional.of(stage), Messages.load(Locale.ROOT));
  }

  @Test
  void passwordAskedFromAWorkerThreadWaitsForTheAnswer(FxRobot robot) throws Exception {
    CompletableFuture<Optional<char[]>> answer =
        CompletableFuture.supplyAsync(() -> dialogs.askPassword("store.p12", 1));
    waitForFocus(robot, "#password-field");

    robot.interact(
        () -> robot.lookup("#password-field").queryAs(PasswordField.class).setText("s3cret"));
    robot.type(KeyCode.ENTER);

    assertEquals("s3cret", new String(answer.get(10, TimeUnit.SECONDS).orElseThrow()));
  }

  @Test
  void cancelledPasswordDialogGivesNothing(FxRobot robot) throws Exception {
    CompletableFuture<Optional<char[]>> answer =
        CompletableFuture.supplyAsync(() -> dialogs.askPassword("store.p12", 2));
    waitForFocus(robot, "#password-field");

    robot.type(KeyCode.ESCAPE);

    assertEquals(Optional.empty(), answer.get(10, TimeUnit.SECONDS));
  }

  @Test
  void problemShowsWhatHappenedCausesAndWhatToTry(FxRobot robot) {
    Problem problem =
        new Problem(
                "Files could not be read",
                "Reading stopped.",
                List.of("The file was moved."),
                List.of("Open it again."),
                Optional.empty())
            .withDetail(new IllegalStateException("boom"));

    WaitForAsyncUtils.asyncFx(() -> dialogs.showProblem(problem));
    waitForNode(robot, ".problem-dialog");

    DialogPane pane = robot.lookup(".problem-dialog").queryAs(DialogPane.class);
    assertEquals("Files could not be read", pane.getHeaderText());
    List<String> texts =
        robot.from(pane).lookup(".label").queryAllAs(Label.class).stream()
            .map(Label::getText)
            .toList();
    assertTrue(texts.contains("•  The file was moved."), texts.toString());
    assertTrue(texts.contains("•  Open it again."), texts.toString());
    assertTrue(pane.getExpandableContent() != null);
    robot.type(KeyCode.ENTER);
  }

  private static void waitForFocus(FxRobot robot, String query) {
    try {
      WaitForAsyncUtils.waitFor(
          20,
          TimeUnit.SECONDS,
          () -> robot.lookup(query).tryQuery().map(Node::isFocused).orElse(false));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no focused " + query, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void waitForNode(FxRobot robot, String query) {
    try {
      WaitForAsyncUtils.waitFor(
          10,
          TimeUnit.SECONDS,
          // The same test TestFX applies before clicking: shown, laid out, within the scene.
          () -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no " + query, e);
    }
  }
}
