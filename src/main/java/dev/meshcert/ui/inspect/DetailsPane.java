package dev.meshcert.ui.inspect;

import dev.meshcert.ui.common.Icons;
import dev.meshcert.ui.common.Messages;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The details of the selected node: a headline, then titled groups of label/value rows. Every row
 * has a copy button and a context menu; PEM and text view are selectable monospaced blocks.
 */
final class DetailsPane {

  private final Messages messages;
  private final Consumer<String> copy;
  private final VBox content = new VBox();
  private final ScrollPane scroll = new ScrollPane(content);

  DetailsPane(Messages messages, Consumer<String> copy) {
    this.messages = messages;
    this.copy = copy;
    content.getStyleClass().add("details");
    scroll.getStyleClass().add("details-scroll");
    scroll.setFitToWidth(true);
    scroll.setId("details");
  }

  Node node() {
    return scroll;
  }

  void show(Details details) {
    content.getChildren().clear();
    if (details.groups().isEmpty()) {
      Label hint = new Label(messages.get("details.none"));
      hint.getStyleClass().add("details-hint");
      content.getChildren().add(hint);
      return;
    }
    Label title = new Label(details.title());
    title.getStyleClass().add("details-title");
    title.setWrapText(true);
    MarkStyles.apply(title, details.marks());
    content.getChildren().add(title);
    if (!details.subtitle().isEmpty()) {
      Label subtitle = new Label(details.subtitle());
      subtitle.getStyleClass().add("details-subtitle");
      subtitle.setWrapText(true);
      MarkStyles.apply(subtitle, details.marks());
      content.getChildren().add(subtitle);
    }
    for (FieldGroup group : details.groups()) {
      content.getChildren().add(group(group));
    }
    scroll.setVvalue(0);
  }

  private Node group(FieldGroup group) {
    Label title = new Label(group.title());
    title.getStyleClass().add("group-title");
    VBox box = new VBox(title);
    box.getStyleClass().add("field-group");
    for (Field field : group.fields()) {
      box.getChildren().add(row(field));
    }
    return box;
  }

  private Node row(Field field) {
    Button copyButton = new Button(null, Icons.COPY.node());
    copyButton.getStyleClass().add("copy-button");
    copyButton.setTooltip(new Tooltip(messages.get("action.copy.value")));
    copyButton.setOnAction(e -> copy.accept(field.value()));
    copyButton.setFocusTraversable(false);
    Node value = value(field);
    HBox.setHgrow(value, Priority.ALWAYS);
    HBox row;
    if (field.kind() == FieldKind.BLOCK) {
      // The group title names the block; the text gets the full width.
      row = new HBox(value, copyButton);
      row.setAlignment(Pos.TOP_LEFT);
    } else {
      Label label = new Label(field.label());
      label.getStyleClass().add("field-label");
      label.setWrapText(true);
      row = new HBox(label, value, copyButton);
      row.setAlignment(Pos.BASELINE_LEFT);
    }
    row.getStyleClass().add("field-row");
    MarkStyles.apply(row, field.marks());
    MenuItem copyItem = new MenuItem(messages.get("action.copy.value"), Icons.COPY.node());
    copyItem.setOnAction(e -> copy.accept(field.value()));
    ContextMenu menu = new ContextMenu(copyItem);
    row.setOnContextMenuRequested(e -> menu.show(row, e.getScreenX(), e.getScreenY()));
    return row;
  }

  private Node value(Field field) {
    return switch (field.kind()) {
      case BLOCK -> block(field.value());
      case ELAPSED -> elapsed(field);
      default -> text(field);
    };
  }

  private static Node text(Field field) {
    Label value = new Label(field.value());
    value.getStyleClass().add("field-value");
    value.setWrapText(true);
    value.setMaxWidth(Double.MAX_VALUE);
    MarkStyles.apply(value, field.marks());
    return value;
  }

  private static Node block(String text) {
    TextArea area = new TextArea(text);
    area.setEditable(false);
    area.getStyleClass().addAll("field-block", "monospace");
    area.setPrefRowCount((int) Math.min(60, text.lines().count() + 1));
    area.setWrapText(false);
    area.setMaxWidth(Double.MAX_VALUE);
    return area;
  }

  private static Node elapsed(Field field) {
    ProgressBar bar = new ProgressBar(field.fraction().orElse(0.0));
    bar.getStyleClass().add("lifetime-bar");
    MarkStyles.apply(bar, field.marks());
    Label text = new Label(field.value());
    text.getStyleClass().add("field-value");
    HBox box = new HBox(bar, text);
    box.getStyleClass().add("elapsed-box");
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }
}
