package dev.meshcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class StallProbeTest {

  @TempDir Path dir;

  @BeforeAll
  static void startToolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void isNotCreatedWithoutItsProperty() {
    assertEquals("", System.getProperty(StallProbe.PROPERTY, ""));

    assertEquals(Optional.empty(), StallProbe.fromProperties());
  }

  @Test
  void recordsASleepOnTheFxThreadAsAStallWithTheSleepingStack() throws Exception {
    Path file = dir.resolve("stalls.txt");
    StallProbe probe = startedOnFx(file);

    blockFx(probe, 300);
    probe.close();

    List<String> lines = Files.readAllLines(file);
    long longest =
        lines.stream()
            .filter(l -> l.startsWith("stall "))
            .mapToLong(l -> Long.parseLong(l.split(" ")[1]))
            .max()
            .orElse(0);
    assertTrue(longest >= 250, String.join("\n", lines));
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("at java.lang.Thread.sleep")), lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("summary all:") && !l.contains(" 0 over 100 ms")),
        lines.toString());
  }

  @Test
  void countsAStallUnderThePhaseMarkedBeforeIt() throws Exception {
    Path file = dir.resolve("stalls.txt");
    StallProbe probe = startedOnFx(file);

    probe.mark("rows-shown");
    Thread.sleep(50);
    blockFx(probe, 300);
    probe.close();

    List<String> lines = Files.readAllLines(file);
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("phase rows-shown at ")), lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("stall ") && l.endsWith(" phase rows-shown")),
        lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.startsWith("summary rows-shown:") && !l.contains(" 0 over 100 ms")),
        lines.toString());
  }

  private static StallProbe startedOnFx(Path file) throws Exception {
    StallProbe probe = new StallProbe(file, 50, 5);
    CountDownLatch started = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          probe.start();
          started.countDown();
        });
    assertTrue(started.await(30, TimeUnit.SECONDS));
    return probe;
  }

  /**
   * Holds the FX thread at least {@code millis}, and on until the probe has sampled its stack (a
   * starved sampler only lengthens the stall), then waits for the probe to see it end.
   */
  private static void blockFx(StallProbe probe, long millis) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
          try {
            while (System.nanoTime() < until || probe.samplesTaken() == 0) {
              Thread.sleep(10);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          done.countDown();
        });
    assertTrue(done.await(60, TimeUnit.SECONDS));
    // the probe posted before the block runs right after it; one more round trip to be sure
    CountDownLatch after = new CountDownLatch(1);
    Platform.runLater(after::countDown);
    assertTrue(after.await(30, TimeUnit.SECONDS));
    Thread.sleep(50);
  }
}
