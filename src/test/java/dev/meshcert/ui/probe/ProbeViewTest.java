package dev.meshcert.ui.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.ui.common.FxClipboard;
import dev.meshcert.ui.common.FxTaskRunner;
import dev.meshcert.ui.common.Messages;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The probe panel on a real stage, probing the demo mesh's loopback servers. */
@ExtendWith(ApplicationExtension.class)
class ProbeViewTest {
  private final DemoCluster demo = DemoCluster.create(Clock.systemUTC());
  private final FxTaskRunner runner = new FxTaskRunner(1);
  private final DefaultProbeService service =
      new DefaultProbeService(Optional::empty, () -> demo, Clock.systemUTC());
  private ProbeViewModel model;

  @Start
  void start(Stage stage) {
    Messages messages =
        new Messages(ResourceBundle.getBundle("dev.meshcert.ui.probe.probe", Locale.ROOT));
    model = new ProbeViewModel(service, runner, new FxClipboard(), messages);
    stage.setScene(
        new Scene((javafx.scene.Parent) new ProbeView(model, messages).node(), 1000, 800));
    stage.show();
  }

  @AfterEach
  void stop() {
    runner.close();
    service.close();
    demo.close();
  }

  private void runAndWait(FxRobot robot) throws Exception {
    robot.clickOn("#probe-run");
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> robot.lookup("#probe-results").queryTableView().getItems().size() == 3);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void runShowsTheMatrixMarkedAndTheVerdict(FxRobot robot) throws Exception {
    runAndWait(robot);
    TableView<?> table = robot.lookup("#probe-results").queryTableView();
    assertEquals(3, table.getItems().size());
    Label verdict = robot.lookup("#probe-verdict").queryAs(Label.class);
    assertEquals(
        "Verdict: mTLS enforced: plain text refused, a client certificate required",
        verdict.getText());
    assertTrue(
        robot.lookup(".table-row-cell").queryAll().stream()
            .anyMatch(
                n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("refused"))));
    TextArea transcript = robot.lookup("#probe-transcript").queryAs(TextArea.class);
    assertTrue(
        transcript.getText().contains("Outcome: mutual TLS established"), transcript.getText());
  }

  @Test
  void copyTranscriptPutsItOnTheSystemClipboard(FxRobot robot) throws Exception {
    runAndWait(robot);
    robot.clickOn("#probe-copy-transcript");
    WaitForAsyncUtils.waitForFxEvents();
    String copied =
        WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    assertEquals(model.transcriptProperty().get(), copied);
  }

  @Test
  void selectingAnotherRowShowsItsTranscript(FxRobot robot) throws Exception {
    runAndWait(robot);
    javafx.scene.Node first = robot.lookup(".table-row-cell").nth(0).query();
    robot.clickOn(first);
    WaitForAsyncUtils.waitForFxEvents();
    TextArea transcript = robot.lookup("#probe-transcript").queryAs(TextArea.class);
    assertTrue(
        transcript.getText().contains("Outcome: mTLS enforced: plain text refused"),
        transcript.getText());
  }

  @Test
  void copyEvidenceCardPutsTheSelectedResultAsMarkdownOnTheSystemClipboard(FxRobot robot)
      throws Exception {
    runAndWait(robot);
    javafx.scene.Node second = robot.lookup(".table-row-cell").nth(1).query();
    robot.clickOn(second);
    robot.clickOn("#probe-copy-evidence");
    WaitForAsyncUtils.waitForFxEvents();
    String copied =
        WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    assertTrue(copied.startsWith("### \u2705 Probe "), copied);
    assertTrue(copied.contains(": TLS without a client certificate"), copied);
    assertTrue(copied.contains("**server requires a client certificate**"), copied);
    assertTrue(copied.contains("openssl s_client -connect "), copied);
  }
}
