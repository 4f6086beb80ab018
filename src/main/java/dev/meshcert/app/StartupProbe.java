package dev.meshcert.app;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Measures launch to first painted window: with {@code -Dmeshcert.startupProbe=print} (or {@code
 * exit}) the first layout pulse after the window shows prints {@code meshcert: first frame after N
 * ms} to standard error, N counted from the process start; {@code exit} then quits, for
 * bench/startup.sh. Without the property it does nothing.
 */
final class StartupProbe {
  private StartupProbe() {}

  static final String PROPERTY = "meshcert.startupProbe";

  static void install(Stage stage) {
    String mode = System.getProperty(PROPERTY, "");
    if (mode.isBlank()) {
      return;
    }
    Instant launched = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    Scene scene = stage.getScene();
    Runnable[] probe = new Runnable[1];
    probe[0] =
        () -> {
          if (!stage.isShowing()) {
            return;
          }
          scene.removePostLayoutPulseListener(probe[0]);
          long ms = Duration.between(launched, Instant.now()).toMillis();
          System.err.println("meshcert: first frame after " + ms + " ms");
          if (mode.equals("exit")) {
            // Let this pulse render its frame first.
            Platform.runLater(stage::close);
          }
        };
    scene.addPostLayoutPulseListener(probe[0]);
  }
}
