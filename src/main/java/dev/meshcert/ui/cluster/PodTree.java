package dev.meshcert.ui.cluster;

import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.TreeWarmUp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/**
 * The pod tree: namespace headings with their pods, columns for data plane, mTLS badge, service
 * account and node. Virtualised (a {@link TreeTableView}); rebuilt from the view model's filtered
 * rows on every change, keeping collapsed namespaces collapsed and the selection selected. Its
 * context menu lists the view model's workload actions.
 */
final class PodTree {

  private static final Comparator<WorkloadRow> ORDER =
      Comparator.comparing(WorkloadRow::namespace).thenComparing(WorkloadRow::name);

  private final ClusterViewModel model;
  private final Messages messages;
  private final TreeTableView<ClusterTreeRow> tree = new TreeTableView<>();
  private final TreeItem<ClusterTreeRow> root = new TreeItem<>(ClusterTreeRow.heading("", 0));
  private final Set<String> collapsed = new HashSet<>();
  private boolean rebuilding;

  PodTree(ClusterViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
    tree.setRoot(root);
    tree.setShowRoot(false);
    tree.setId("cluster-pods");
    tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    tree.getColumns()
        .setAll(
            List.of(
                column(
                    "cluster.column.name",
                    r ->
                        r.pod()
                            .map(WorkloadRow::name)
                            .orElse(r.namespace() + " (" + r.count() + ")"),
                    230),
                column(
                    "cluster.column.plane",
                    r -> r.pod().map(WorkloadRow::planeText).orElse(""),
                    120),
                badgeColumn(),
                column(
                    "cluster.column.account",
                    r -> r.pod().map(WorkloadRow::serviceAccount).orElse(""),
                    120),
                column("cluster.column.node", r -> r.pod().map(WorkloadRow::node).orElse(""), 64)));
    tree.setPlaceholder(new Label(messages.get("cluster.empty")));
    model.visibleRows().addListener((ListChangeListener<WorkloadRow>) c -> rebuild());
    tree.getSelectionModel()
        .getSelectedItems()
        .addListener((ListChangeListener<TreeItem<ClusterTreeRow>>) c -> selectionChanged());
    tree.setContextMenu(contextMenu());
    rebuild();
    TreeWarmUp.whenFirstShown(tree, root, PodTree::madeUpRows);
  }

  /** Namespace headings with one row each, for {@link TreeWarmUp}. */
  private static List<TreeItem<ClusterTreeRow>> madeUpRows() {
    List<TreeItem<ClusterTreeRow>> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      TreeItem<ClusterTreeRow> heading = new TreeItem<>(ClusterTreeRow.heading("", 1));
      heading.getChildren().add(new TreeItem<>(ClusterTreeRow.heading("", 0)));
      heading.setExpanded(true);
      rows.add(heading);
    }
    return rows;
  }

  TreeTableView<ClusterTreeRow> node() {
    return tree;
  }

  private void rebuild() {
    rebuilding = true;
    try {
      Set<String> chosen = new HashSet<>();
      model.selectedRows().forEach(r -> chosen.add(r.ref()));
      String focused =
          model.selectedProperty().get() == null ? "" : model.selectedProperty().get().ref();
      List<WorkloadRow> sorted = new ArrayList<>(model.visibleRows());
      sorted.sort(ORDER);
      Map<String, List<WorkloadRow>> groups = new LinkedHashMap<>();
      sorted.forEach(r -> groups.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(r));
      List<TreeItem<ClusterTreeRow>> headings = new ArrayList<>(groups.size());
      List<TreeItem<ClusterTreeRow>> reselect = new ArrayList<>();
      TreeItem<ClusterTreeRow> focus = null;
      for (Map.Entry<String, List<WorkloadRow>> g : groups.entrySet()) {
        TreeItem<ClusterTreeRow> heading =
            new TreeItem<>(ClusterTreeRow.heading(g.getKey(), g.getValue().size()));
        heading.setExpanded(!collapsed.contains(g.getKey()));
        heading
            .expandedProperty()
            .addListener((o, was, is) -> remember(heading.getValue().namespace(), is));
        List<TreeItem<ClusterTreeRow>> pods = new ArrayList<>(g.getValue().size());
        for (WorkloadRow r : g.getValue()) {
          TreeItem<ClusterTreeRow> item = new TreeItem<>(ClusterTreeRow.of(r));
          pods.add(item);
          if (chosen.contains(r.ref())) {
            reselect.add(item);
          }
          if (r.ref().equals(focused)) {
            focus = item;
          }
        }
        heading.getChildren().setAll(pods);
        headings.add(heading);
      }
      tree.getSelectionModel().clearSelection();
      root.getChildren().setAll(headings);
      reselect.forEach(i -> tree.getSelectionModel().select(i));
      if (focus != null) {
        tree.getSelectionModel().select(focus);
      }
    } finally {
      rebuilding = false;
    }
  }

  private void remember(String namespace, boolean expanded) {
    if (expanded) {
      collapsed.remove(namespace);
    } else {
      collapsed.add(namespace);
    }
  }

  private void selectionChanged() {
    if (rebuilding) {
      return;
    }
    List<WorkloadRow> chosen = new ArrayList<>();
    for (TreeItem<ClusterTreeRow> item : List.copyOf(tree.getSelectionModel().getSelectedItems())) {
      if (item != null && item.getValue() != null) {
        item.getValue().pod().ifPresent(chosen::add);
      }
    }
    model.selectedRows().setAll(chosen);
    TreeItem<ClusterTreeRow> focus = tree.getSelectionModel().getSelectedItem();
    model
        .selectedProperty()
        .set(
            focus == null || focus.getValue() == null ? null : focus.getValue().pod().orElse(null));
  }

  private ContextMenu contextMenu() {
    ContextMenu menu = new ContextMenu();
    menu.setOnShowing(
        e -> {
          List<MenuItem> items = new ArrayList<>();
          for (WorkloadAction action : model.workloadActions()) {
            MenuItem item = new MenuItem(action.label());
            item.setDisable(!model.canRun(action));
            item.setOnAction(a -> model.run(action));
            items.add(item);
          }
          menu.getItems().setAll(items);
        });
    // A menu with no items never shows, so give it one to start with.
    menu.getItems().add(new MenuItem(messages.get("cluster.action.certificates")));
    return menu;
  }

  private TreeTableColumn<ClusterTreeRow, String> column(
      String key, Function<ClusterTreeRow, String> value, double width) {
    TreeTableColumn<ClusterTreeRow, String> c = new TreeTableColumn<>(messages.get(key));
    c.setPrefWidth(width);
    c.setCellValueFactory(
        f ->
            new ReadOnlyStringWrapper(
                f.getValue() == null || f.getValue().getValue() == null
                    ? ""
                    : value.apply(f.getValue().getValue())));
    return c;
  }

  private TreeTableColumn<ClusterTreeRow, String> badgeColumn() {
    TreeTableColumn<ClusterTreeRow, String> c =
        column("cluster.column.mtls", r -> r.pod().map(p -> p.mtlsText()).orElse(""), 262);
    c.setCellFactory(col -> new BadgeCell());
    return c;
  }

  /** The mTLS badge: text plus a pseudo-class per badge; reset when empty. */
  private static final class BadgeCell extends TreeTableCell<ClusterTreeRow, String> {
    private static final List<String> STYLES =
        List.of("strict", "permissive", "disable", "no-sidecar", "other-mesh");

    BadgeCell() {
      getStyleClass().add("mtls-badge-cell");
    }

    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      STYLES.forEach(s -> pseudoClassStateChanged(PseudoClass.getPseudoClass(s), false));
      setGraphic(null);
      if (empty || item == null || item.isEmpty()) {
        setText(null);
        setTooltip(null);
        return;
      }
      setText(item);
      // only a pod with port exceptions has a text the column may cut; the card shows it too
      setTooltip(item.contains("(") ? new Tooltip(item) : null);
      TreeItem<ClusterTreeRow> ti = getTableRow() == null ? null : getTableRow().getTreeItem();
      if (ti != null && ti.getValue() != null) {
        ti.getValue()
            .pod()
            .ifPresent(
                p -> pseudoClassStateChanged(PseudoClass.getPseudoClass(p.badgeStyle()), true));
      }
    }
  }
}
