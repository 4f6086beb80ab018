package dev.meshcert.guarantees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.faults.ClusterScreenRig;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The FX thread while the Cluster screen scans a cluster of {@code fxpulse.pods} pods (1,000 by
 * default) through the real connector, scanner and view, against the mock API server: the longest
 * stall from the start until every pod is shown goes to {@code target/fx-pulse/cluster.txt}
 * (docs/performance.md, section "FX thread"). Measured, not asserted.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterPulseTest {

  private static final int PODS = Integer.getInteger("fxpulse.pods", 1000);

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
    rig.api.on("/api/v1/pods", -1, r -> ClusterScreenRig.podList(PODS));
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(rig::close);
  }

  @Test
  void clusterScreenScanningManyPodsKeepsTheFxThreadMeasured() throws Exception {
    try (FxPulseMonitor monitor = new FxPulseMonitor(5)) {
      Thread.sleep(300);
      monitor.reset();
      long start = System.nanoTime();
      onFx(
          () -> {
            rig.show();
            return null;
          });
      WaitForAsyncUtils.waitFor(
          5,
          TimeUnit.MINUTES,
          () -> onFx(() -> !rig.model().busyProperty().get() && rig.model().rows().size() >= PODS));
      long millis = (System.nanoTime() - start) / 1_000_000;
      FxPulseMonitor.Report r = monitor.report();
      Path dir = Files.createDirectories(Path.of("target", "fx-pulse"));
      Files.writeString(
          dir.resolve("cluster.txt"),
          String.format(
                  "Cluster screen, scan of a %d-pod cluster (mock API server) until every pod is"
                      + " shown: %d ms; %s%nmachine: %d cores, %s%n",
                  PODS,
                  millis,
                  r.text(),
                  Runtime.getRuntime().availableProcessors(),
                  System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
              + "where the FX thread was during the longest stall:\n"
              + monitor.longestStallStacks());
      assertTrue(r.probes() > 0, "the monitor saw the scan");
      assertEquals(PODS, (int) onFx(() -> rig.model().rows().size()));
    }
  }

  private static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
  }
}
