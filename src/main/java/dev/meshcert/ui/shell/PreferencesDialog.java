package dev.meshcert.ui.shell;

import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Preferences;
import dev.meshcert.ui.common.Settings;
import dev.meshcert.ui.common.Styles;
import dev.meshcert.ui.common.Theme;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Edits the persisted preferences; OK applies and saves them. */
final class PreferencesDialog {

  private final Preferences preferences;
  private final Messages messages;

  PreferencesDialog(Preferences preferences, Messages messages) {
    this.preferences = preferences;
    this.messages = messages;
  }

  void show(Window owner) {
    Settings s = preferences.get();
    Spinner<Integer> days = new Spinner<>(1, 3650, s.expiringDays());
    Spinner<Integer> percent = new Spinner<>(1, 100, s.expiringLifetimePercent());
    Spinner<Integer> parallel = new Spinner<>(1, 32, s.scanParallelism());
    for (Spinner<Integer> sp : java.util.List.of(days, percent, parallel)) {
      sp.setEditable(true);
    }
    ChoiceBox<Theme> theme = new ChoiceBox<>();
    theme.getItems().setAll(Theme.values());
    theme.setValue(s.theme());
    theme.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Theme t) {
            return t == null ? "" : messages.get("theme." + t.name().toLowerCase(Locale.ROOT));
          }

          @Override
          public Theme fromString(String text) {
            return Theme.parse(text);
          }
        });
    ChoiceBox<Integer> zoom = new ChoiceBox<>();
    IntStream.rangeClosed(10, 20).map(i -> i * 10).forEach(zoom.getItems()::add);
    zoom.setValue(s.zoom());
    CheckBox presentation = new CheckBox(messages.get("action.presentation"));
    presentation.setSelected(s.presentation());
    CheckBox redact = new CheckBox(messages.get("action.redact"));
    redact.setSelected(s.redact());
    CheckBox names = new CheckBox(messages.get("action.redact.names"));
    names.setSelected(s.redactNames());
    names.disableProperty().bind(redact.selectedProperty().not());

    GridPane grid = new GridPane();
    grid.getStyleClass().add("preferences");
    int row = 0;
    grid.addRow(row++, label("prefs.expiring.days"), days);
    grid.addRow(row++, label("prefs.expiring.percent"), percent);
    grid.addRow(row++, label("prefs.parallelism"), parallel);
    grid.addRow(row++, label("prefs.theme"), theme);
    grid.addRow(row++, label("prefs.zoom"), zoom);
    grid.add(presentation, 1, row++);
    grid.add(redact, 1, row++);
    grid.add(names, 1, row++);
    Label note = new Label(messages.get("prefs.note"));
    note.setWrapText(true);
    note.getStyleClass().add("details-hint");
    grid.add(note, 0, row, 2, 1);

    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(messages.get("prefs.title"));
    dialog.getDialogPane().setId("preferences-dialog");
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.getDialogPane().getStylesheets().add(Styles.stylesheet());
    dialog
        .showAndWait()
        .filter(b -> b == ButtonType.OK)
        .ifPresent(
            b ->
                preferences.update(
                    p ->
                        p.withExpiry(days.getValue(), percent.getValue())
                            .withScanParallelism(parallel.getValue())
                            .withTheme(theme.getValue())
                            .withZoom(zoom.getValue())
                            .withPresentation(presentation.isSelected())
                            .withRedaction(redact.isSelected(), names.isSelected())));
  }

  private Label label(String key) {
    Label l = new Label(messages.get(key));
    l.getStyleClass().add("field-label");
    return l;
  }
}
