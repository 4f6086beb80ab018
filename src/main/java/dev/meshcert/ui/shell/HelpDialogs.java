package dev.meshcert.ui.shell;

import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcut sheet and the About dialog. */
final class HelpDialogs {
  private HelpDialogs() {}

  /** One line of the shortcut sheet. */
  record Shortcut(String menu, String action, String keys) {}

  /** Every shortcut of the menus as they are now, plus the alternate zoom keys. */
  static List<Shortcut> shortcuts(MainWindow window) {
    List<Shortcut> out = new ArrayList<>();
    for (Menu menu : window.menuBar().getMenus()) {
      collect(menu.getText().replace("_", ""), menu.getItems(), out);
    }
    return out;
  }

  private static void collect(String menu, List<MenuItem> items, List<Shortcut> out) {
    for (MenuItem item : items) {
      if (item instanceof Menu sub) {
        collect(menu, sub.getItems(), out);
      } else if (item.getAccelerator() != null) {
        out.add(new Shortcut(menu, item.getText(), item.getAccelerator().getDisplayText()));
      }
    }
  }

  static void shortcuts(MainWindow window, Messages messages) {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("shortcut-sheet");
    int row = 0;
    String lastMenu = "";
    for (Shortcut s : shortcuts(window)) {
      if (!s.menu().equals(lastMenu)) {
        Label heading = new Label(s.menu());
        heading.getStyleClass().add("shortcut-menu");
        grid.add(heading, 0, row++, 2, 1);
        lastMenu = s.menu();
      }
      Label keys = new Label(s.keys());
      keys.getStyleClass().add("shortcut-keys");
      grid.addRow(row++, keys, new Label(s.action()));
    }
    Label extra = new Label(messages.get("shortcuts.extra"));
    extra.setWrapText(true);
    extra.getStyleClass().add("shortcut-extra");
    grid.add(extra, 0, row, 2, 1);
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportHeight(520);
    show(window, messages.get("shortcuts.title"), null, scroll, "shortcut-dialog");
  }

  static void about(MainWindow window, ShellServices services, Messages messages) {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("about-versions");
    int row = 0;
    for (Map.Entry<String, String> v : services.versions().entrySet()) {
      Label name = new Label(v.getKey());
      name.getStyleClass().add("field-label");
      grid.addRow(row++, name, new Label(v.getValue()));
    }
    Button copy = new Button(messages.get("about.copy"));
    copy.setOnAction(
        e ->
            services
                .clipboard()
                .putText(
                    services.versions().entrySet().stream()
                        .map(v -> v.getKey() + ": " + v.getValue())
                        .collect(Collectors.joining("\n"))));
    Label blurb = new Label(messages.get("about.blurb"));
    blurb.setWrapText(true);
    VBox box = new VBox(12, blurb, grid, copy);
    box.setPrefWidth(560);
    ImageView icon = new ImageView();
    var in = HelpDialogs.class.getResourceAsStream("/dev/meshcert/icons/meshcert-64.png");
    if (in != null) {
      icon.setImage(new Image(in));
    }
    show(
        window,
        messages.get("about.title"),
        messages.get("app.title")
            + " "
            + services.versions().values().stream().findFirst().orElse(""),
        box,
        "about-dialog",
        icon);
  }

  private static void show(
      MainWindow window, String title, String header, Node content, String id, Node... graphic) {
    Dialog<Void> dialog = new Dialog<>();
    if (window.root().getScene() != null) {
      dialog.initOwner(window.root().getScene().getWindow());
    }
    dialog.setTitle(title);
    dialog.setHeaderText(header);
    if (graphic.length > 0) {
      dialog.setGraphic(graphic[0]);
    }
    dialog.getDialogPane().setId(id);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.getDialogPane().getStylesheets().add(Styles.stylesheet());
    dialog.show();
  }
}
