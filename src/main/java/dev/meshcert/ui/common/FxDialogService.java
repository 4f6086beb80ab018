package dev.meshcert.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dialogs as JavaFX windows owned by the main window. */
public final class FxDialogService implements DialogService {

  private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

  private final Supplier<Optional<Window>> owner;
  private final Messages messages;
  private File lastFolder;

  /**
   * @param owner the window dialogs belong to, once there is one
   */
  public FxDialogService(Supplier<Optional<Window>> owner, Messages messages) {
    this.owner = owner;
    this.messages = messages;
  }

  @Override
  public void showProblem(Problem problem) {
    if (!Platform.isFxApplicationThread()) {
      Platform.runLater(() -> showProblem(problem));
      return;
    }
    Alert alert = new Alert(Alert.AlertType.ERROR);
    owner.get().ifPresent(alert::initOwner);
    alert.setTitle(messages.get("problem.window"));
    alert.setHeaderText(problem.title());
    alert.getDialogPane().setContent(problemBody(problem));
    problem
        .detail()
        .ifPresent(
            d -> {
              TextArea text = new TextArea(d);
              text.setEditable(false);
              text.getStyleClass().add("monospace");
              alert.getDialogPane().setExpandableContent(text);
            });
    alert.getDialogPane().getStyleClass().add("problem-dialog");
    alert.getDialogPane().getStylesheets().add(Styles.stylesheet());
    alert.showAndWait();
  }

  private VBox problemBody(Problem problem) {
    VBox box = new VBox(8);
    Label what = new Label(problem.whatHappened());
    what.setWrapText(true);
    box.getChildren().add(what);
    addList(box, messages.get("problem.causes"), problem.causes());
    addList(box, messages.get("problem.try"), problem.whatToTry());
    box.setPrefWidth(520);
    return box;
  }

  private static void addList(VBox box, String heading, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    Label title = new Label(heading);
    title.getStyleClass().add("problem-heading");
    box.getChildren().add(title);
    for (String item : items) {
      Label line = new Label("•  " + item);
      line.setWrapText(true);
      box.getChildren().add(line);
    }
  }

  @Override
  public Optional<char[]> askPassword(String sourceName, int attempt) {
    try {
      return onFxThread(() -> passwordDialog(sourceName, attempt));
    } catch (CancellationException e) {
      return Optional.empty();
    }
  }

  private Optional<char[]> passwordDialog(String sourceName, int attempt) {
    Dialog<char[]> dialog = new Dialog<>();
    owner.get().ifPresent(dialog::initOwner);
    dialog.setTitle(messages.get("password.window"));
    dialog.setHeaderText(
        messages.get(attempt > 1 ? "password.again" : "password.header", sourceName));
    PasswordField field = new PasswordField();
    field.setId("password-field");
    dialog
        .getDialogPane()
        .setContent(new VBox(8, new Label(messages.get("password.label")), field));
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.getDialogPane().getStylesheets().add(Styles.stylesheet());
    dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
    Platform.runLater(field::requestFocus);
    return dialog.showAndWait();
  }

  @Override
  public List<Path> chooseFiles() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(messages.get("open.files.title"));
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                messages.get("open.files.certificates"),
                "*.pem",
                "*.crt",
                "*.cer",
                "*.der",
                "*.p7b",
                "*.p7c",
                "*.p12",
                "*.pfx",
                "*.jks",
                "*.yaml",
                "*.yml",
                "*.json",
                "*.txt"),
            new FileChooser.ExtensionFilter(messages.get("open.files.all"), "*"));
    if (lastFolder != null) {
      chooser.setInitialDirectory(lastFolder);
    }
    List<File> files = chooser.showOpenMultipleDialog(owner.get().orElse(null));
    if (files == null || files.isEmpty()) {
      return List.of();
    }
    lastFolder = files.get(0).getParentFile();
    return files.stream().map(File::toPath).toList();
  }

  @Override
  public Optional<Path> chooseFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(messages.get("open.folder.title"));
    if (lastFolder != null) {
      chooser.setInitialDirectory(lastFolder);
    }
    File folder = chooser.showDialog(owner.get().orElse(null));
    if (folder == null) {
      return Optional.empty();
    }
    lastFolder = folder;
    return Optional.of(folder.toPath());
  }

  @Override
  public Optional<Path> chooseSaveFile(
      String title, String suggestedName, List<String> extensions) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.setInitialFileName(suggestedName);
    for (String ext : extensions) {
      chooser
          .getExtensionFilters()
          .add(new FileChooser.ExtensionFilter(messages.get("save.type." + ext), "*." + ext));
    }
    if (lastFolder != null) {
      chooser.setInitialDirectory(lastFolder);
    }
    File file = chooser.showSaveDialog(owner.get().orElse(null));
    if (file == null) {
      return Optional.empty();
    }
    lastFolder = file.getParentFile();
    return Optional.of(file.toPath());
  }

  /** Runs on the FX thread and waits for the answer when called from elsewhere. */
  private static <T> T onFxThread(Supplier<T> action) {
    if (Platform.isFxApplicationThread()) {
      return action.get();
    }
    CompletableFuture<T> answer = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            answer.complete(action.get());
          } catch (RuntimeException e) {
            answer.completeExceptionally(e);
          }
        });
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a dialog");
    } catch (ExecutionException e) {
      LOG.warn("dialog failed", e.getCause());
      throw new IllegalStateException("dialog failed", e.getCause());
    }
  }
}
