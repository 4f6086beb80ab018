package dev.meshcert.ui.shell;

import dev.meshcert.ui.common.FileDropTarget;
import dev.meshcert.ui.common.FileKind;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Screen;
import dev.meshcert.ui.common.Styles;
import dev.meshcert.ui.common.TaskSpec;
import dev.meshcert.ui.common.WindowWarmUp;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
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
import javafx.scene.image.Image;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: a menu bar, one tab per {@link Screen} and a status bar. The menus show the
 * selected screen's items above the window's own (recent files, reports, evidence cards, zoom,
 * theme, redaction, help); the status bar follows the selected screen. Files dropped anywhere on
 * the window go to the first screen that takes them.
 */
public final class MainWindow {

  private static final PseudoClass DROP_HOVER = PseudoClass.getPseudoClass("drop-hover");

  private final List<Screen> screens;
  private final Messages messages;
  private final ShellServices services;
  private final BorderPane root = new BorderPane();
  private final TabPane tabs = new TabPane();
  private final StatusBar statusBar = new StatusBar();
  private final Menu fileMenu = new Menu();
  private final Menu editMenu = new Menu();
  private final Menu viewMenu = new Menu();
  private final Menu helpMenu = new Menu();
  private final MenuBar menuBar;
  private final WindowMenus windowMenus;
  private final ReportActions reports;
  private final Notifier notifier = new Notifier();

  /** Work that ran at least this long gets a notification when it finishes. */
  static final Duration LONG_WORK = Duration.ofSeconds(4);

  /**
   * @param screens the tabs, in order; the first takes files named on the command line
   */
  public MainWindow(List<Screen> screens, Messages messages, ShellServices services) {
    if (screens.isEmpty()) {
      throw new IllegalArgumentException("the main window needs at least one screen");
    }
    this.screens = List.copyOf(screens);
    this.messages = messages;
    this.services = services;
    for (Screen s : this.screens) {
      Tab tab = new Tab(s.title(), s.view());
      tab.setGraphic(new FontIcon(s.icon()));
      tab.setClosable(false);
      tab.setUserData(s);
      tabs.getTabs().add(tab);
    }
    tabs.setId("screens");
    this.reports = new ReportActions(this::selected, root, services, messages, notifier);
    this.windowMenus = new WindowMenus(this, services, messages, reports);
    this.menuBar = new MenuBar(fileMenu, editMenu, viewMenu, helpMenu);
    menuBar.setUseSystemMenuBar(true);
    fileMenu.setText(messages.get("menu.file"));
    editMenu.setText(messages.get("menu.edit"));
    viewMenu.setText(messages.get("menu.view"));
    helpMenu.setText(messages.get("menu.help"));
    helpMenu.getItems().setAll(windowMenus.help());
    tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> follow(selected()));
    root.setTop(menuBar);
    root.setCenter(new StackPane(tabs, notifier.layer()));
    root.setBottom(statusBar);
    root.getStyleClass().add("main-window");
    statusBar.setId("status-bar");
    statusBar.getRightItems().add(RedactionMenu.badge(services.redactor(), messages));
    follow(selected());
    installDrop();
  }

  /** The window's root node. */
  public Parent root() {
    return root;
  }

  /** The menu bar (for the shortcut sheet and tests). */
  public MenuBar menuBar() {
    return menuBar;
  }

  /** Reports, evidence cards and window pictures of the selected screen. */
  public ReportActions reports() {
    return reports;
  }

  /** Shows the window on this stage. */
  public void show(Stage stage) {
    Scene scene = new Scene(root, 1280, 800);
    scene.getStylesheets().add(Styles.stylesheet());
    windowMenus.installAlternateKeys(scene);
    stage.setTitle(messages.get("app.title"));
    stage.getIcons().addAll(icons());
    stage.setScene(scene);
    stage.setMinWidth(720);
    stage.setMinHeight(480);
    stage.setOnHidden(e -> close());
    WindowWarmUp.beforeShow(scene);
    stage.show();
  }

  /**
   * Opens files (command line, second launch, file association, recent files) by their content: the
   * files are sorted into {@link FileKind}s in the background, then each kind goes to the first
   * screen that {@linkplain Screen#opens() opens} it (certificates to Inspect; snapshots,
   * bug-report archives and dumps to Mesh), and the screen of the first file comes to the front.
   */
  public void open(List<Path> files) {
    if (files.isEmpty()) {
      return;
    }
    services.preferences().addRecent(files);
    List<Path> given = List.copyOf(files);
    services
        .runner()
        .run(
            TaskSpec.of(
                    messages.get("status.sorting", given.size()),
                    p -> given.stream().map(FileKind::of).toList())
                .onSuccess(kinds -> route(given, kinds))
                .onFailure(
                    e -> route(given, given.stream().map(f -> FileKind.CERTIFICATES).toList())));
  }

  /** Hands each file to the screen that opens its kind, in the order given. */
  private void route(List<Path> files, List<FileKind> kinds) {
    java.util.Map<Screen, List<Path>> byScreen = new java.util.LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      FileKind kind = kinds.get(i);
      Screen screen =
          screens.stream().filter(s -> s.opens().contains(kind)).findFirst().orElse(screens.get(0));
      byScreen.computeIfAbsent(screen, s -> new java.util.ArrayList<>()).add(files.get(i));
    }
    byScreen.keySet().stream().findFirst().ifPresent(this::select);
    byScreen.forEach(Screen::open);
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
    boolean taken =
        target
            .flatMap(t -> ((Screen) t.getUserData()).dropTarget())
            .map(d -> d.drop(files, text))
            .orElse(false);
    if (taken && !files.isEmpty()) {
      services.preferences().addRecent(files);
    }
    return taken;
  }

  /** Notifies about long work that finished; the task runner calls it for every task. */
  public void finished(String title, Duration took) {
    if (took.compareTo(LONG_WORK) >= 0) {
      notifier.info(
          messages.get("notice.finished", title),
          messages.get("notice.finished.text", took.toSeconds()));
    }
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

  /** The selected screen. */
  public Screen selected() {
    return (Screen) tabs.getSelectionModel().getSelectedItem().getUserData();
  }

  /** Closes the window (File › Quit). */
  void quit() {
    if (root.getScene() != null && root.getScene().getWindow() instanceof Stage s) {
      s.close();
    } else {
      Platform.exit();
    }
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
    fill(fileMenu, screen.fileMenuItems(), windowMenus.file());
    fill(editMenu, screen.editMenuItems(), windowMenus.edit());
    fill(viewMenu, screen.viewMenuItems(), windowMenus.view());
    statusBar
        .textProperty()
        .bind(Bindings.createStringBinding(screen.status()::get, screen.status()));
    statusBar
        .progressProperty()
        .bind(Bindings.createDoubleBinding(screen.progress()::get, screen.progress()));
  }

  private static void fill(Menu menu, List<MenuItem> screenItems, List<MenuItem> windowItems) {
    menu.getItems().setAll(screenItems);
    if (!screenItems.isEmpty()) {
      menu.getItems().add(new SeparatorMenuItem());
    }
    menu.getItems().addAll(windowItems);
  }

  private static List<Image> icons() {
    return List.of(16, 32, 64, 128, 256).stream()
        .map(
            size ->
                MainWindow.class.getResourceAsStream(
                    "/dev/meshcert/icons/meshcert-" + size + ".png"))
        .filter(java.util.Objects::nonNull)
        .map(MainWindow::image)
        .toList();
  }

  private static Image image(InputStream in) {
    try (in) {
      return new Image(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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

  static KeyCombination keys(String spec) {
    return KeyCombination.keyCombination(spec);
  }
}
