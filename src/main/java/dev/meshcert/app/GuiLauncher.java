package dev.meshcert.app;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart so the CLI path never loads JavaFX classes. */
final class GuiLauncher {
  private GuiLauncher() {}

  static void launch(String[] args) {
    if (System.getProperty("javafx.cachedir") == null) {
      System.setProperty(
          "javafx.cachedir",
          java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "meshcert-javafx-cache")
              .toString());
    }
    Application.launch(MeshCertApplication.class, args);
  }
}
