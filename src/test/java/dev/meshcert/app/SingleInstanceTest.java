package dev.meshcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {

  @TempDir Path runtime;

  @Test
  void firstLaunchBecomesPrimary() {
    try (SingleInstance first = new SingleInstance(runtime)) {
      assertTrue(first.becomePrimary(files -> {}));
    }
  }

  @Test
  void secondLaunchHandsItsFilesToTheFirst() throws Exception {
    BlockingQueue<List<Path>> received = new ArrayBlockingQueue<>(1);
    try (SingleInstance first = new SingleInstance(runtime);
        SingleInstance second = new SingleInstance(runtime)) {
      first.becomePrimary(received::add);

      assertFalse(second.becomePrimary(files -> {}));
      assertTrue(second.handOff(List.of(Path.of("a.pem"), Path.of("/tmp/b.crt"))));

      assertEquals(
          List.of(Path.of("a.pem").toAbsolutePath(), Path.of("/tmp/b.crt")),
          received.poll(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void handOffWithAWrongSecretIsRefused() throws Exception {
    BlockingQueue<List<Path>> received = new ArrayBlockingQueue<>(1);
    try (SingleInstance first = new SingleInstance(runtime)) {
      first.becomePrimary(received::add);
      Path portFile = runtime.resolve("meshcert.port");
      String port = Files.readAllLines(portFile).get(0);
      Files.writeString(portFile, port + "\nnot-the-secret\n");

      assertFalse(new SingleInstance(runtime).handOff(List.of(Path.of("x.pem"))));
      assertEquals(null, received.poll(200, TimeUnit.MILLISECONDS));
    }
  }

  @Test
  void staleFilesFromACrashedInstanceDoNotStopANewOne() throws Exception {
    Files.writeString(runtime.resolve("meshcert.port"), "1\nstale\n");
    Files.writeString(runtime.resolve("meshcert.lock"), "");

    try (SingleInstance next = new SingleInstance(runtime)) {
      assertTrue(next.becomePrimary(files -> {}));
    }
  }

  @Test
  void handOffWithoutARunningInstanceFails() {
    assertFalse(new SingleInstance(runtime).handOff(List.of(Path.of("a.pem"))));
  }

  @Test
  void closingReleasesTheLockForTheNextLaunch() {
    new SingleInstance(runtime).becomePrimary(files -> {});
    SingleInstance first = new SingleInstance(runtime.resolve("other"));
    first.becomePrimary(files -> {});
    first.close();

    try (SingleInstance again = new SingleInstance(runtime.resolve("other"))) {
      assertTrue(again.becomePrimary(files -> {}));
    }
  }
}
