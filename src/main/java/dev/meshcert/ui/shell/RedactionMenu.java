package dev.meshcert.ui.shell;

import dev.meshcert.ui.common.Icons;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Redactor;
import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/** The redaction switches of the View menu and the status bar badge that shows it is on. */
final class RedactionMenu {
  private RedactionMenu() {}

  static List<MenuItem> items(Redactor redactor, Messages messages) {
    CheckMenuItem redact = new CheckMenuItem(messages.get("action.redact"), Icons.REDACT.node());
    redact.setId("menu-redact");
    redact.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+R"));
    redact.selectedProperty().bindBidirectional(redactor.enabledProperty());
    CheckMenuItem names = new CheckMenuItem(messages.get("action.redact.names"));
    names.setId("menu-redact-names");
    names.selectedProperty().bindBidirectional(redactor.namesProperty());
    names.disableProperty().bind(redactor.enabledProperty().not());
    return List.of(redact, names);
  }

  static Label badge(Redactor redactor, Messages messages) {
    Label badge = new Label(messages.get("status.redacted"), Icons.REDACT.node());
    badge.setId("redaction-badge");
    badge.getStyleClass().add("redaction-badge");
    badge.visibleProperty().bind(redactor.enabledProperty());
    badge.managedProperty().bind(badge.visibleProperty());
    return badge;
  }
}
