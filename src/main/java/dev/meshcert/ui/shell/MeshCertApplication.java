package dev.meshcert.ui.shell;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public final class MeshCertApplication extends Application {

  @Override
  public void start(Stage stage) {
    stage.setTitle("MeshCert Inspector");
    stage.setScene(new Scene(new StackPane(new Label("Drop certificate files here")), 1100, 720));
    stage.show();
  }
}
