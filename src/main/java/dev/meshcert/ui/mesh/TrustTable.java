package dev.meshcert.ui.mesh;

import dev.meshcert.mesh.trust.WorkloadTrust;
import dev.meshcert.ui.common.Messages;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseButton;

/**
 * The trust tree: groups (a root or a bundle) with their workloads; workloads that stand out are
 * marked {@code :straggler}, the current root's and the majority bundle's groups {@code :current}.
 * Multiple selection feeds the comparison; double-click opens a workload's certificates.
 */
final class TrustTable {

  private static final PseudoClass STRAGGLER = PseudoClass.getPseudoClass("straggler");
  private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
  private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");

  private final TreeItem<TrustRow> root = new TreeItem<>();
  private final TreeTableView<TrustRow> table = new TreeTableView<>(root);

  TrustTable(
      Messages messages, Consumer<List<WorkloadTrust>> selected, Consumer<WorkloadTrust> open) {
    table.setId("trust-table");
    table.getStyleClass().add("trust-table");
    table.setShowRoot(false);
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY);
    table.getColumns().add(column(messages.get("mesh.column.name"), TrustRow::name, 0.3));
    table.getColumns().add(column(messages.get("mesh.column.other"), TrustRow::other, 0.27));
    table.getColumns().add(column(messages.get("mesh.column.domain"), TrustRow::domain, 0.13));
    table
        .getColumns()
        .add(column(messages.get("mesh.column.reasons"), r -> String.join(" ", r.reasons()), 0.3));
    table.setRowFactory(t -> row());
    table
        .getSelectionModel()
        .getSelectedItems()
        .addListener(
            (javafx.collections.ListChangeListener<TreeItem<TrustRow>>)
                c -> selected.accept(selectedWorkloads()));
    table.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            List<WorkloadTrust> s = selectedWorkloads();
            if (s.size() == 1) {
              open.accept(s.get(0));
            }
          }
        });
  }

  TreeTableView<TrustRow> node() {
    return table;
  }

  /** Shows {@code rows}, groups expanded. */
  void show(List<TrustRow> rows) {
    root.getChildren().clear();
    for (TrustRow g : rows) {
      TreeItem<TrustRow> item = new TreeItem<>(g);
      item.setExpanded(true);
      g.children().forEach(c -> item.getChildren().add(new TreeItem<>(c)));
      root.getChildren().add(item);
    }
  }

  private List<WorkloadTrust> selectedWorkloads() {
    return table.getSelectionModel().getSelectedItems().stream()
        .filter(Objects::nonNull)
        .map(TreeItem::getValue)
        .filter(Objects::nonNull)
        .flatMap(r -> r.workload().stream())
        .toList();
  }

  private static TreeTableColumn<TrustRow, String> column(
      String title, Function<TrustRow, String> value, double share) {
    TreeTableColumn<TrustRow, String> c = new TreeTableColumn<>(title);
    c.setCellValueFactory(
        f ->
            new ReadOnlyStringWrapper(
                f.getValue().getValue() == null ? "" : value.apply(f.getValue().getValue())));
    c.setCellFactory(col -> cell());
    c.setPrefWidth(1000 * share);
    return c;
  }

  private static TreeTableCell<TrustRow, String> cell() {
    return new TreeTableCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item);
        setGraphic(null);
        setWrapText(false);
      }
    };
  }

  private static TreeTableRow<TrustRow> row() {
    return new TreeTableRow<>() {
      @Override
      protected void updateItem(TrustRow item, boolean empty) {
        super.updateItem(item, empty);
        boolean has = !empty && item != null;
        pseudoClassStateChanged(GROUP, has && item.group());
        pseudoClassStateChanged(CURRENT, has && item.group() && item.marked());
        pseudoClassStateChanged(STRAGGLER, has && !item.group() && item.marked());
        getStyleClass().remove("trust-row");
        getStyleClass().add("trust-row");
      }
    };
  }
}
