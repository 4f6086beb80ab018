package dev.meshcert.guarantees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.app.GuiComposition;
import dev.meshcert.bench.InspectBenchmarkBundle;
import dev.meshcert.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The FX thread while the real window loads a large bundle: a {@link FxPulseMonitor} measures the
 * longest stall from the drop until the tree is shown, and the figure goes to {@code
 * target/fx-pulse/report.txt} (docs/performance.md, section "FX thread"). CI loads 1,000
 * certificates; {@code -Dfxpulse.count=10000} (bench/all.sh) the full 10,000. No timing is
 * asserted: the test only checks that the load finished and the monitor saw it.
 */
@ExtendWith(ApplicationExtension.class)
class FxPulseTest {

  private static final int COUNT = Integer.getInteger("fxpulse.count", 1000);

  GuiComposition app;

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
  void inspectScreenLoadingABundleKeepsTheFxThreadMeasured(FxRobot robot) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "fx-pulse"));
    Path bundle = dir.resolve("bundle-" + COUNT + ".pem");
    if (!Files.exists(bundle)) {
      Files.writeString(bundle, InspectBenchmarkBundle.pem(COUNT, TestPki.NOW));
    }
    try (FxPulseMonitor monitor = new FxPulseMonitor(5)) {
      Thread.sleep(300);
      monitor.reset();
      long start = System.nanoTime();
      boolean taken = onFx(() -> app.window().drop(List.of(bundle), Optional.empty()));
      assertTrue(taken);
      WaitForAsyncUtils.waitFor(
          10,
          TimeUnit.MINUTES,
          () ->
              onFx(
                  () ->
                      !app.inspect().model().busyProperty().get()
                          && tree(robot).getRoot() != null
                          && tree(robot).getRoot().getChildren().size() == 1));
      long millis = (System.nanoTime() - start) / 1_000_000;
      FxPulseMonitor.Report r = monitor.report();
      String text =
          String.format(
              "Inspect screen, drop of a %d-certificate PEM bundle until the tree shows it: %d ms;"
                  + " %s%nmachine: %d cores, %s%n",
              COUNT,
              millis,
              r.text(),
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
      Files.writeString(
          dir.resolve("report.txt"),
          text
              + "where the FX thread was during the longest stall:\n"
              + monitor.longestStallStacks());
      assertTrue(r.probes() > 0, "the monitor saw the load");
      assertEquals(1, onFx(() -> tree(robot).getRoot().getChildren().size()));
    }
  }

  private static TreeView<?> tree(FxRobot robot) {
    return robot.lookup("#inspect-tree").queryAs(TreeView.class);
  }

  private static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
  }
}
