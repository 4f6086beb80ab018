package dev.meshcert.ui.cluster;

import dev.meshcert.ui.common.Messages;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected pod's card beside the pod tree: its title, what decided its mode, the evidence, the
 * ports with their modes, the PeerAuthentication text and the warnings. Until a pod is first
 * selected it is one line of hint: the card's table, lists and text area are made then, so a screen
 * opened to watch a scan does not build, style and lay out controls it does not show yet (on a cold
 * start they were a fifth of the screen's first pulse).
 */
final class PodCard {

  private final Messages messages;
  private final StackPane holder = new StackPane();
  private final Label title = new Label();
  private final Label decided = new Label();
  private final ListView<String> evidence = new ListView<>();
  private final TableView<PortRow> ports = new TableView<>();
  private final TextArea policy = new TextArea();
  private final ListView<String> warnings = new ListView<>();
  private boolean built;

  PodCard(ClusterViewModel model, Messages messages) {
    this.messages = messages;
    Label hint = new Label(messages.get("cluster.details.none"));
    hint.setId("cluster-details-hint");
    hint.setWrapText(true);
    StackPane.setAlignment(hint, Pos.TOP_LEFT);
    holder.setPadding(new Insets(8));
    holder.getChildren().setAll(hint);
    model.selectedProperty().addListener((o, a, row) -> show(row));
  }

  Node node() {
    return holder;
  }

  private void show(WorkloadRow row) {
    if (row == null && !built) {
      return;
    }
    if (!built) {
      build();
    }
    if (row == null) {
      title.setText(messages.get("cluster.details.none"));
      decided.setText("");
      evidence.getItems().clear();
      ports.getItems().clear();
      policy.setText("");
      warnings.getItems().clear();
      return;
    }
    title.setText(row.ref() + " \u00b7 " + row.planeText() + " \u00b7 " + row.mtlsText());
    decided.setText(row.decidedBy());
    evidence.getItems().setAll(row.evidence());
    ports.getItems().setAll(row.ports());
    policy.setText(row.describe());
    warnings.getItems().setAll(row.warnings());
  }

  private void build() {
    built = true;
    title.getStyleClass().add("cluster-details-title");
    title.setWrapText(true);
    decided.setWrapText(true);
    evidence.setId("cluster-evidence");
    evidence.setPrefHeight(120);
    ports.setId("cluster-ports");
    ports.setPrefHeight(120);
    // minimum widths: the card is laid out first when it is made, at no width, and the last column
    // takes what is added later
    ports
        .getColumns()
        .setAll(
            List.of(
                column("cluster.details.port", r -> String.valueOf(r.port()), 70),
                column("cluster.details.mode", PortRow::mode, 110),
                column("cluster.details.why", PortRow::decidedBy, 120)));
    ports.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    policy.setId("cluster-policy");
    policy.setEditable(false);
    policy.setPrefRowCount(7);
    policy.getStyleClass().add("monospace");
    warnings.setPrefHeight(70);
    warnings.getStyleClass().add("warnings");
    VBox box =
        new VBox(
            6,
            title,
            decided,
            new Label(messages.get("cluster.details.evidence")),
            evidence,
            new Label(messages.get("cluster.details.ports")),
            ports,
            new Label(messages.get("cluster.details.policy")),
            policy,
            new Label(messages.get("cluster.details.warnings")),
            warnings);
    VBox.setVgrow(evidence, Priority.SOMETIMES);
    VBox.setVgrow(policy, Priority.ALWAYS);
    holder.setPadding(Insets.EMPTY);
    box.setPadding(new Insets(8));
    holder.getChildren().setAll(box);
  }

  private TableColumn<PortRow, String> column(
      String key, java.util.function.Function<PortRow, String> value, double width) {
    TableColumn<PortRow, String> c = new TableColumn<>(messages.get(key));
    c.setMinWidth(width);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    return c;
  }
}
