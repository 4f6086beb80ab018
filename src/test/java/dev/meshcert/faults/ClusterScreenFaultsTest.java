package dev.meshcert.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.ui.common.Problem;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Cluster screen, wired as the application wires it, when the API server fails after a good
 * scan: the rows already shown stay, the problem names the call and the code, and the next refresh
 * works again.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterScreenFaultsTest {

  private static final String PODS = "/api/v1/pods";
  private ClusterScreenRig rig;

  /**
   * The screen closes and restarts its live watches on every refresh; an exception a watch thread
   * meets while it is being closed is not this test's verdict (TestFX would report it on the next
   * wait). Each test asserts on what the screen shows.
   */
  @BeforeAll
  static void ownVerdictsOnly() {
    WaitForAsyncUtils.autoCheckException = false;
  }

  @AfterAll
  static void restoreTestFxChecks() {
    WaitForAsyncUtils.autoCheckException = true;
  }

  @Start
  void start(Stage stage) throws Exception {
    rig = new ClusterScreenRig(stage);
    rig.api.on(PODS, -1, r -> ClusterScreenRig.podList(60));
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(rig::close);
    // Closing cancels the scan and watches: the interrupted background calls are expected and
    // must not surface as a delayed exception in the next test.
    WaitForAsyncUtils.clearExceptions();
  }

  private void awaitIdle() throws Exception {
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> onFx(() -> !rig.model().busyProperty().get()));
  }

  private void showAndScan() throws Exception {
    onFx(
        () -> {
          rig.show();
          return null;
        });
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> onFx(() -> !rig.model().busyProperty().get() && rig.model().rows().size() == 60));
    // The screen starts its live pod watch once the rows are shown: the watch lists the pods
    // first, and a fault scripted for the next list must not be taken by that one. Once the watch
    // is watching, it lists again only after a 410, which this server never sends.
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            rig.api.requests().stream()
                .anyMatch(r -> r.bare().equals(PODS) && r.path().contains("watch=true")));
  }

  private void refresh() throws Exception {
    onFx(
        () -> {
          rig.model().refresh();
          return null;
        });
    awaitIdle();
  }

  @Test
  void failedRefreshKeepsTheRowsAndNamesTheFailure() throws Exception {
    showAndScan();
    rig.api.first(PODS, 1, FaultyApiServer.status(500));
    refresh();
    assertEquals(60, (int) onFx(() -> rig.model().rows().size()));
    Problem p = rig.problems.get(rig.problems.size() - 1);
    assertTrue(
        (p.title() + " " + p.whatHappened()).contains("500"), p.title() + " / " + p.whatHappened());
  }

  @Test
  void refreshWorksAgainAfterAFailure() throws Exception {
    showAndScan();
    rig.api.first(PODS, 1, FaultyApiServer.status(503));
    refresh();
    int problems = rig.problems.size();
    refresh();
    assertEquals(problems, rig.problems.size(), "no new problem");
    assertEquals(60, (int) onFx(() -> rig.model().rows().size()));
  }

  @Test
  void throttledScanIsRetriedAndShown() throws Exception {
    rig.api.first(PODS, 1, FaultyApiServer.tooManyRequests(1));
    showAndScan();
    assertEquals(0, rig.problems.size(), rig.problems.toString());
  }

  @Test
  void slowScanKeepsTheScreenBusyThenShowsEverything() throws Exception {
    rig.api.first(PODS, 1, r -> ClusterScreenRig.podList(60).setBodyDelay(Duration.ofSeconds(2)));
    showAndScan();
    assertEquals(0, rig.problems.size(), rig.problems.toString());
  }

  private static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
  }
}
