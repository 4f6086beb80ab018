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
 * default) through the real connector, scanner and view, against the mock API server, in two phases
 * reported apart in {@code target/fx-pulse/cluster.txt} (docs/performance.md, section "FX thread"):
 * the first show of the screen in a cold JVM (class loading, the first CSS pass, the skins; the pod
 * list is answered only after {@code fxpulse.listDelayMillis}, so no row exists yet), then the scan
 * itself, from the end of the first show until every pod is a row and the live pod watch has synced
 * (which hands the screen a second snapshot). Measured, not asserted.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterPulseTest {

  private static final int PODS = Integer.getInteger("fxpulse.pods", 1000);

  /** How long the first pod list is held back, so that the first show ends before any row. */
  private static final long LIST_DELAY = Long.getLong("fxpulse.listDelayMillis", 3000);

  private final java.util.concurrent.atomic.AtomicLong firstList =
      new java.util.concurrent.atomic.AtomicLong(LIST_DELAY);
  private volatile boolean refreshed;
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
    // the first list is held back (the first show ends before any row); later ones (the live
    // watch's, the refresh's) answer at once, the refresh's with one pod fewer so that every row
    // is built again
    rig.api.on(
        "/api/v1/pods",
        -1,
        r -> {
          io.fabric8.mockwebserver.http.MockResponse list =
              ClusterScreenRig.podList(refreshed ? PODS - 1 : PODS);
          long delay = firstList.getAndSet(0);
          return delay > 0 ? list.setBodyDelay(java.time.Duration.ofMillis(delay)) : list;
        });
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
      // the first show: until the screen is laid out and the FX thread idles, before any row
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(300);
      WaitForAsyncUtils.waitForFxEvents();
      long firstShowMillis = (System.nanoTime() - start) / 1_000_000;
      FxPulseMonitor.Report firstShow = monitor.report();
      String firstShowStacks = monitor.longestStallStacks();
      boolean rowsDuringFirstShow = onFx(() -> !rig.model().rows().isEmpty());
      monitor.reset();
      long scanStart = System.nanoTime();
      java.time.Instant scanStartedAt = java.time.Instant.now();
      WaitForAsyncUtils.waitFor(
          5,
          TimeUnit.MINUTES,
          () -> onFx(() -> !rig.model().busyProperty().get() && rig.model().rows().size() >= PODS));
      long rowsMillis = (System.nanoTime() - scanStart) / 1_000_000;
      // the live pod watch lists the pods again and hands the screen its snapshot
      WaitForAsyncUtils.waitFor(
          60,
          TimeUnit.SECONDS,
          () ->
              rig.api.requests().stream()
                  .anyMatch(
                      r -> r.bare().equals("/api/v1/pods") && r.path().contains("watch=true")));
      Thread.sleep(500);
      WaitForAsyncUtils.waitForFxEvents();
      long scanMillis = (System.nanoTime() - scanStart) / 1_000_000;
      FxPulseMonitor.Report scan = monitor.report();
      String scanStacks = monitor.longestStallStacks();
      // a rescan in a warm JVM: the refresh button, the pods changed (one fewer)
      refreshed = true;
      monitor.reset();
      long rescanStart = System.nanoTime();
      onFx(
          () -> {
            rig.model().refresh();
            return null;
          });
      WaitForAsyncUtils.waitFor(
          5,
          TimeUnit.MINUTES,
          () ->
              onFx(
                  () ->
                      !rig.model().busyProperty().get() && rig.model().rows().size() == PODS - 1));
      Thread.sleep(500);
      WaitForAsyncUtils.waitForFxEvents();
      long rescanMillis = (System.nanoTime() - rescanStart) / 1_000_000;
      FxPulseMonitor.Report rescan = monitor.report();
      Path dir = Files.createDirectories(Path.of("target", "fx-pulse"));
      Files.writeString(
          dir.resolve("cluster.txt"),
          String.format(
                  "Cluster screen, %d-pod cluster (mock API server, first list held %d ms); scan"
                      + " phase from %s%n"
                      + "first show (cold JVM, no rows yet%s): %d ms; %s%n"
                      + "first scan (list answered, every pod a row in %d ms, then the live watch's"
                      + " sync): %d ms; %s%n"
                      + "rescan (refresh, one pod fewer, every row rebuilt): %d ms; %s%n"
                      + "machine: %d cores, %s, load average %s%n",
                  PODS,
                  LIST_DELAY,
                  scanStartedAt,
                  rowsDuringFirstShow ? "; ROWS ARRIVED DURING IT" : "",
                  firstShowMillis,
                  firstShow.text(),
                  rowsMillis,
                  scanMillis,
                  scan.text(),
                  rescanMillis,
                  rescan.text(),
                  Runtime.getRuntime().availableProcessors(),
                  System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                  Files.readString(Path.of("/proc/loadavg")).split(" ")[0])
              + "where the FX thread was during the longest stall of the first show:\n"
              + firstShowStacks
              + "where the FX thread was during the longest stall of the first scan:\n"
              + scanStacks
              + "where the FX thread was during the longest stall of the rescan:\n"
              + monitor.longestStallStacks());
      assertTrue(scan.probes() > 0, "the monitor saw the scan");
      assertEquals(PODS - 1, (int) onFx(() -> rig.model().rows().size()));
    }
  }

  private static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
  }
}
