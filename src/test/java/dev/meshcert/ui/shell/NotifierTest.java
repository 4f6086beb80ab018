package dev.meshcert.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Notices drawn in the window: shown, capped at three, gone on a click or after their time. */
@ExtendWith(ApplicationExtension.class)
class NotifierTest {

  private final Notifier notifier = new Notifier(Duration.millis(800));
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new StackPane(new Label("content"), notifier.layer()), 600, 400));
    stage.show();
  }

  private List<String> shown() throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                ((Parent) notifier.layer())
                    .getChildrenUnmodifiable().stream()
                        .map(n -> ((Label) ((Parent) n).getChildrenUnmodifiable().get(0)).getText())
                        .toList())
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void noticesShowInTheWindowAtMostThreeAndGoAway(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          for (int i = 1; i <= 4; i++) {
            notifier.info("Scan " + i + " finished", "took 5 s");
          }
        });
    assertEquals(List.of("Scan 2 finished", "Scan 3 finished", "Scan 4 finished"), shown());
    assertTrue(stage.getScene().getWindow().isShowing());
    assertEquals(1, javafx.stage.Window.getWindows().size(), "no popup window of its own");

    robot.clickOn("Scan 3 finished");
    assertEquals(List.of("Scan 2 finished", "Scan 4 finished"), shown());

    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown().isEmpty());
  }
}
