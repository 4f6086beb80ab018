package dev.meshcert.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: hands the window to {@link GuiComposition}. Arguments that are not
 * options are files to open; {@code --demo} opens the built-in demo mesh in the Cluster screen.
 */
public final class MeshCertApplication extends Application {

  private GuiComposition composition;

  @Override
  public void start(Stage stage) {
    List<String> raw = getParameters().getRaw();
    composition = new GuiComposition(Clock.systemUTC(), raw.contains("--demo"));
    List<Path> files = raw.stream().filter(a -> !a.startsWith("--")).map(Path::of).toList();
    composition.start(stage, files);
  }

  @Override
  public void stop() {
    if (composition != null) {
      composition.close();
    }
  }
}
