package dev.meshcert.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: hands the window to {@link GuiComposition}. Arguments that are not
 * options are files to open.
 */
public final class MeshCertApplication extends Application {

  private GuiComposition composition;

  @Override
  public void start(Stage stage) {
    composition = new GuiComposition();
    List<Path> files =
        getParameters().getRaw().stream().filter(a -> !a.startsWith("--")).map(Path::of).toList();
    composition.start(stage, files);
  }

  @Override
  public void stop() {
    if (composition != null) {
      composition.close();
    }
  }
}
