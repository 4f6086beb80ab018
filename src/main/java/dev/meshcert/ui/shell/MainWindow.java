package dev.meshcert.ui.shell;

import dev.meshcert.ui.common.FileDropTarget;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Redactor;
import dev.meshcert.ui.common.Screen;
import dev.meshcert.ui.common.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: a menu bar, one tab per {@link Screen} and a status bar. The menus and the
 * status bar follow the selected screen; files dropped anywhere on the window go to the first
 * screen that takes them.
 */
public final class MainWindow {

  private static final PseudoClass DROP_HOVER = PseudoClass.getPseudoClass("drop-hover");

  private final List<Screen> screens;
  private final Messages messages;
  private final BorderPane root = new BorderPane();
  private final TabPane tabs = new TabPane();
  private final StatusBar statusBar = new StatusBar();
  private final Menu fileMenu = new Menu();
  private final Menu editMenu = new Menu();
  private final Menu viewMenu = new Menu();
  private final MenuItem quit = new MenuItem();
  private final Redactor redactor;
  private final List<MenuItem> windowViewItems;

  /**
   * @param screens the tabs, in order; the first takes files named on the command line
   * @param redactor the redaction switch shown in the View menu and the status bar
   */
  public MainWindow(List<Screen> screens, Messages messages, Redactor redactor) {
    if (screens.isEmpty()) {
      throw new IllegalArgumentException("the main window needs at least one screen");
    }
    this.screens = List.copyOf(screens);
    this.messages = messages;
    this.redactor = redactor;
    this.windowViewItems = RedactionMenu.items(redactor, messages);
    for (Screen s : this.screens) {
      Tab tab = new Tab(s.title(), s.view());
      tab.setGraphic(new FontIcon(s.icon()));
      tab.setClosable(false);
      tab.setUserData(s);
      tabs.getTabs().add(tab);
    }
    tabs.setId("screens");
    tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> follow(selected()));
    root.setTop(menuBar());
    root.setCenter(tabs);
    root.setBottom(statusBar);
    root.getStyleClass().add("main-window");
    statusBar.setId("status-bar");
    statusBar.getRightItems().add(RedactionMenu.badge(redactor, messages));
    follow(selected());
    installDrop();
  }

  /** The window's root node. */
  public Parent root() {
    return root;
  }

  /** Shows the window on this stage. */
  public void show(Stage stage) {
    Scene scene = new Scene(root, 1280, 800);
    scene.getStylesheets().add(Styles.stylesheet());
    stage.setTitle(messages.get("app.title"));
    stage.setScene(scene);
    stage.setMinWidth(720);
    stage.setMinHeight(480);
    stage.setOnHidden(e -> close());
    stage.show();
  }

  /** Opens files named on the command line in the first screen. */
  public void open(List<Path> files) {
    if (!files.isEmpty()) {
      screens.get(0).open(files);
    }
  }

  /**
   * Hands dropped files or text to the selected screen if it takes them, else to the first that
   * does, and selects that screen. This is what a drop on the window does.
   *
   * @return whether a screen took the drop
   */
  public boolean drop(List<Path> files, Optional<String> text) {
    Optional<Tab> target = targetFor(files, text);
    target.ifPresent(t -> tabs.getSelectionModel().select(t));
    return target
        .flatMap(t -> ((Screen) t.getUserData()).dropTarget())
        .map(d -> d.drop(files, text))
        .orElse(false);
  }

  /** Brings {@code screen}'s tab to the front. */
  public void select(Screen screen) {
    tabs.getTabs().stream()
        .filter(t -> t.getUserData() == screen)
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  /** Cancels the work of every screen. */
  public void close() {
    screens.forEach(Screen::close);
  }

  private Screen selected() {
    return (Screen) tabs.getSelectionModel().getSelectedItem().getUserData();
  }

  private Optional<Tab> targetFor(List<Path> files, Optional<String> text) {
    Tab current = tabs.getSelectionModel().getSelectedItem();
    if (accepts(current, files, text)) {
      return Optional.of(current);
    }
    return tabs.getTabs().stream().filter(t -> accepts(t, files, text)).findFirst();
  }

  private static boolean accepts(Tab tab, List<Path> files, Optional<String> text) {
    Optional<FileDropTarget> target = ((Screen) tab.getUserData()).dropTarget();
    return target.isPresent() && target.get().accepts(files, text);
  }

  private void follow(Screen screen) {
    fileMenu.getItems().setAll(screen.fileMenuItems());
    if (!fileMenu.getItems().isEmpty()) {
      fileMenu.getItems().add(new SeparatorMenuItem());
    }
    fileMenu.getItems().add(quit);
    editMenu.getItems().setAll(screen.editMenuItems());
    viewMenu.getItems().setAll(screen.viewMenuItems());
    if (!viewMenu.getItems().isEmpty()) {
      viewMenu.getItems().add(new SeparatorMenuItem());
    }
    viewMenu.getItems().addAll(windowViewItems);
    editMenu.setDisable(editMenu.getItems().isEmpty());
    statusBar
        .textProperty()
        .bind(Bindings.createStringBinding(screen.status()::get, screen.status()));
    statusBar
        .progressProperty()
        .bind(Bindings.createDoubleBinding(screen.progress()::get, screen.progress()));
  }

  private MenuBar menuBar() {
    fileMenu.setText(messages.get("menu.file"));
    editMenu.setText(messages.get("menu.edit"));
    viewMenu.setText(messages.get("menu.view"));
    quit.setText(messages.get("action.quit"));
    quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
    quit.setOnAction(
        e -> {
          if (root.getScene() != null && root.getScene().getWindow() instanceof Stage s) {
            s.close();
          } else {
            Platform.exit();
          }
        });
    MenuBar bar = new MenuBar(fileMenu, editMenu, viewMenu);
    bar.setUseSystemMenuBar(true);
    return bar;
  }

  private void installDrop() {
    root.addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (targetFor(files(e.getDragboard()), text(e.getDragboard())).isPresent()) {
            e.acceptTransferModes(TransferMode.COPY);
            root.pseudoClassStateChanged(DROP_HOVER, true);
          }
          e.consume();
        });
    root.addEventHandler(
        DragEvent.DRAG_EXITED, e -> root.pseudoClassStateChanged(DROP_HOVER, false));
    root.addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          root.pseudoClassStateChanged(DROP_HOVER, false);
          e.setDropCompleted(drop(files(e.getDragboard()), text(e.getDragboard())));
          e.consume();
        });
  }

  private static List<Path> files(Dragboard board) {
    return board.hasFiles() ? board.getFiles().stream().map(File::toPath).toList() : List.of();
  }

  private static Optional<String> text(Dragboard board) {
    return board.hasString() ? Optional.ofNullable(board.getString()) : Optional.empty();
  }
}
