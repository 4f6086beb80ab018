package dev.meshcert.ui.shell;

import dev.meshcert.ui.common.Appearance;
import dev.meshcert.ui.common.Icons;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Settings;
import dev.meshcert.ui.common.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The window's own menu items, made once and shown below the selected screen's: recent files,
 * reports, preferences and quit (File); evidence cards (Edit); zoom, presentation, theme and
 * redaction (View); shortcuts and About (Help).
 */
final class WindowMenus {

  private final MainWindow window;
  private final ShellServices services;
  private final Messages messages;
  private final List<MenuItem> file = new ArrayList<>();
  private final List<MenuItem> edit = new ArrayList<>();
  private final List<MenuItem> view = new ArrayList<>();
  private final List<MenuItem> help = new ArrayList<>();
  private final Menu recent = new Menu();

  WindowMenus(MainWindow window, ShellServices services, Messages messages, ReportActions reports) {
    this.window = window;
    this.services = services;
    this.messages = messages;
    Appearance appearance = services.appearance();
    recent.setText(messages.get("action.recent"));
    recent.setGraphic(Icons.RECENT.node());
    recent.setId("menu-recent");
    services.preferences().settingsProperty().addListener((o, a, b) -> fillRecent(b));
    fillRecent(services.preferences().get());
    file.addAll(
        List.of(
            recent,
            new SeparatorMenuItem(),
            item("action.export.report", Icons.EXPORT, "Shortcut+E", reports::exportReport),
            item("action.save.window", Icons.IMAGE, "Shortcut+Shift+S", reports::saveWindowImage),
            new SeparatorMenuItem(),
            item("action.preferences", Icons.SETTINGS, "Shortcut+Comma", this::preferences),
            new SeparatorMenuItem(),
            item("action.quit", null, "Shortcut+Q", window::quit)));
    edit.addAll(
        List.of(
            item(
                "action.evidence.markdown",
                Icons.MARKDOWN,
                "Shortcut+Shift+M",
                reports::copyEvidenceMarkdown),
            item(
                "action.evidence.image",
                Icons.EVIDENCE,
                "Shortcut+Shift+I",
                reports::copyEvidenceImage)));
    CheckMenuItem present =
        new CheckMenuItem(messages.get("action.presentation"), Icons.PRESENT.node());
    present.setId("menu-presentation");
    present.setAccelerator(MainWindow.keys("F5"));
    present.selectedProperty().bindBidirectional(appearance.presentationProperty());
    view.addAll(
        List.of(
            item("action.zoom.in", Icons.ZOOM_IN, "Shortcut+Plus", appearance::zoomIn),
            item("action.zoom.out", Icons.ZOOM_OUT, "Shortcut+Minus", appearance::zoomOut),
            item("action.zoom.reset", null, "Shortcut+0", appearance::resetZoom),
            present,
            themeMenu(appearance),
            new SeparatorMenuItem()));
    view.addAll(RedactionMenu.items(services.redactor(), messages));
    help.addAll(
        List.of(
            item(
                "action.shortcuts",
                Icons.KEYBOARD,
                "F1",
                () -> HelpDialogs.shortcuts(window, messages)),
            item(
                "action.about",
                Icons.ABOUT,
                null,
                () -> HelpDialogs.about(window, services, messages))));
  }

  List<MenuItem> file() {
    return file;
  }

  List<MenuItem> edit() {
    return edit;
  }

  List<MenuItem> view() {
    return view;
  }

  List<MenuItem> help() {
    return help;
  }

  /** Ctrl+= and the keypad keys zoom too: "Ctrl+plus" is Ctrl+Shift+= on many keyboards. */
  void installAlternateKeys(Scene scene) {
    Appearance a = services.appearance();
    for (String k : List.of("Shortcut+Equals", "Shortcut+Shift+Equals", "Shortcut+Add")) {
      scene.getAccelerators().put(MainWindow.keys(k), a::zoomIn);
    }
    scene.getAccelerators().put(MainWindow.keys("Shortcut+Subtract"), a::zoomOut);
    scene.getAccelerators().put(MainWindow.keys("Shortcut+Numpad0"), a::resetZoom);
  }

  private Menu themeMenu(Appearance appearance) {
    Menu menu = new Menu(messages.get("action.theme"), Icons.THEME.node());
    ToggleGroup group = new ToggleGroup();
    for (Theme t : Theme.values()) {
      RadioMenuItem item =
          new RadioMenuItem(messages.get("theme." + t.name().toLowerCase(java.util.Locale.ROOT)));
      item.setId("menu-theme-" + t.name().toLowerCase(java.util.Locale.ROOT));
      item.setToggleGroup(group);
      item.setSelected(appearance.themeProperty().get() == t);
      item.setOnAction(e -> appearance.themeProperty().set(t));
      appearance.themeProperty().addListener((o, a, b) -> item.setSelected(b == t));
      menu.getItems().add(item);
    }
    return menu;
  }

  private void fillRecent(Settings settings) {
    recent.getItems().clear();
    for (String f : settings.recentFiles()) {
      MenuItem item = new MenuItem(f);
      item.setMnemonicParsing(false);
      item.setOnAction(e -> window.open(List.of(Path.of(f))));
      recent.getItems().add(item);
    }
    if (!recent.getItems().isEmpty()) {
      recent.getItems().add(new SeparatorMenuItem());
    }
    MenuItem clear = new MenuItem(messages.get("action.recent.clear"));
    clear.setDisable(settings.recentFiles().isEmpty());
    clear.setOnAction(e -> services.preferences().clearRecent());
    recent.getItems().add(clear);
  }

  private void preferences() {
    new PreferencesDialog(services.preferences(), messages)
        .show(window.root().getScene().getWindow());
  }

  private MenuItem item(String key, Icons icon, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(messages.get(key), icon == null ? null : icon.node());
    item.setId("menu-" + key.substring("action.".length()).replace('.', '-'));
    if (accelerator != null) {
      item.setAccelerator(MainWindow.keys(accelerator));
    }
    item.setOnAction(e -> action.run());
    return item;
  }
}
