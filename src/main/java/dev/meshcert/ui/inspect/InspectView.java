package dev.meshcert.ui.inspect;

import dev.meshcert.ui.common.Icons;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.TreeWarmUp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

/**
 * The Inspect screen: a toolbar with the filter, the tree of sources, chains, certificates and
 * field groups, and the details of the selection beside it. Only binds and forwards to {@link
 * InspectViewModel}.
 */
public final class InspectView {

  private final InspectViewModel model;
  private final Messages messages;
  private final TreeItem<InspectNode> root = new TreeItem<>();
  private final TreeView<InspectNode> tree = new TreeView<>(root);
  private final CustomTextField filter = (CustomTextField) TextFields.createClearableTextField();
  private final DetailsPane details;
  private final Map<String, Boolean> expansion = new HashMap<>();
  private final BorderPane view = new BorderPane();
  private boolean updating;

  public InspectView(InspectViewModel model, Messages messages) {
    this.model = model;
    this.messages = messages;
    this.details = new DetailsPane(messages, model::copyValue);
    buildTree();
    buildFilter();
    SplitPane split = new SplitPane(tree, details.node());
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.45);
    SplitPane.setResizableWithParent(tree, false);
    StackPane center = new StackPane(split, emptyHint());
    view.setTop(toolBar());
    view.setCenter(center);
    view.getStyleClass().add("inspect-view");
    model.treeProperty().addListener((o, a, b) -> showTree(b));
    model.selectedProperty().addListener((o, a, b) -> selectInTree(b, true));
    model.detailsProperty().addListener((o, a, b) -> details.show(b));
    showTree(model.treeProperty().get());
    details.show(model.detailsProperty().get());
  }

  /** The screen content. */
  public Node node() {
    return view;
  }

  /** Moves the keyboard focus to the filter box. */
  public void focusFilter() {
    filter.requestFocus();
    filter.selectAll();
  }

  /** Copy: the text selected in a text field if the focus is there, else the selected node. */
  public void copyValue() {
    if (view.getScene() != null
        && view.getScene().getFocusOwner() instanceof TextInputControl text
        && !text.getSelectedText().isEmpty()) {
      text.copy();
    } else {
      model.copySelectedValue();
    }
  }

  /** Paste: into the focused editable text field, else as a new source. */
  public void paste() {
    if (view.getScene() != null
        && view.getScene().getFocusOwner() instanceof TextInputControl text
        && text.isEditable()) {
      text.paste();
    } else {
      model.paste();
    }
  }

  /** Expands sources, chains and certificates. */
  public void expandAll() {
    setExpanded(root, true, 3);
  }

  /** Collapses everything below the sources. */
  public void collapseAll() {
    for (TreeItem<InspectNode> source : root.getChildren()) {
      source.getChildren().forEach(c -> setExpanded(c, false, 3));
    }
  }

  private static void setExpanded(TreeItem<InspectNode> item, boolean expanded, int depth) {
    if (depth == 0 || item.isLeaf()) {
      return;
    }
    item.setExpanded(expanded);
    item.getChildren().forEach(c -> setExpanded(c, expanded, depth - 1));
  }

  private void buildTree() {
    tree.setShowRoot(false);
    tree.setId("inspect-tree");
    tree.getStyleClass().add("inspect-tree");
    ContextMenu menu = treeMenu();
    tree.setCellFactory(t -> new InspectTreeCell(menu, messages));
    TreeWarmUp.whenFirstShown(tree, root, InspectTreeCell::warmUpRows);
    tree.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating) {
                model.selectedProperty().set(b == null ? null : b.getValue());
              }
            });
    tree.setOnKeyPressed(
        e -> {
          TreeItem<InspectNode> item = tree.getSelectionModel().getSelectedItem();
          if (e.getCode() == KeyCode.DELETE && e.getTarget() == tree) {
            model.removeSelectedSource();
            e.consume();
          } else if (e.getCode() == KeyCode.ENTER && item != null && !item.isLeaf()) {
            item.setExpanded(!item.isExpanded());
            e.consume();
          }
        });
  }

  private ContextMenu treeMenu() {
    MenuItem value = new MenuItem(messages.get("action.copy.value"), Icons.COPY.node());
    value.setOnAction(e -> model.copySelectedValue());
    MenuItem pem = new MenuItem(messages.get("action.copy.pem"), Icons.COPY.node());
    pem.setOnAction(e -> model.copySelectedPem());
    MenuItem text = new MenuItem(messages.get("action.copy.text"), Icons.TEXT.node());
    text.setOnAction(e -> model.copySelectedText());
    MenuItem remove = new MenuItem(messages.get("action.remove"), Icons.REMOVE.node());
    remove.setOnAction(e -> model.removeSelectedSource());
    MenuItem trust = new MenuItem(messages.get("action.trust"), Icons.AUTHORITY.node());
    trust.setId("trust-item");
    trust.setOnAction(e -> model.toggleTrustOfSelection());
    ContextMenu menu = new ContextMenu(value, pem, text, new SeparatorMenuItem(), trust, remove);
    menu.setOnShowing(
        e -> {
          boolean certs = !model.selectedCertificates().isEmpty();
          pem.setDisable(!certs);
          text.setDisable(!certs);
          trust.setDisable(!model.canTrustSelection());
          trust.setText(
              messages.get(model.isSelectionTrusted() ? "action.untrust" : "action.trust"));
        });
    return menu;
  }

  private void buildFilter() {
    filter.setId("filter");
    filter.setLeft(Icons.FILTER.node());
    filter.setPromptText(messages.get("filter.prompt"));
    filter.getStyleClass().add("filter-field");
    filter.textProperty().bindBidirectional(model.filterTextProperty());
    filter.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            filter.clear();
            e.consume();
          } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
            tree.requestFocus();
            if (tree.getSelectionModel().isEmpty() && !root.getChildren().isEmpty()) {
              tree.getSelectionModel().select(0);
            }
            e.consume();
          }
        });
    HBox.setHgrow(filter, Priority.ALWAYS);
  }

  private ToolBar toolBar() {
    Button open = toolButton(Icons.OPEN_FILE, "action.open.files", model::openFiles);
    Button folder = toolButton(Icons.OPEN_FOLDER, "action.open.folder", model::openFolder);
    Button paste = toolButton(Icons.PASTE, "action.paste", this::paste);
    Button expand = toolButton(Icons.EXPAND_ALL, "action.expand", this::expandAll);
    Button collapse = toolButton(Icons.COLLAPSE_ALL, "action.collapse", this::collapseAll);
    Button remove = toolButton(Icons.REMOVE, "action.remove", model::removeSelectedSource);
    remove.disableProperty().bind(model.selectedProperty().isNull());
    Pane gap = new Pane();
    gap.setMinWidth(12);
    ToolBar bar = new ToolBar(open, folder, paste, gap, filter, expand, collapse, remove);
    bar.getStyleClass().add("inspect-toolbar");
    return bar;
  }

  private Button toolButton(Icons icon, String key, Runnable action) {
    Button b = new Button(null, icon.node());
    b.setTooltip(new Tooltip(messages.get(key)));
    b.setAccessibleText(messages.get(key));
    b.getStyleClass().add("tool-button");
    b.setOnAction(e -> action.run());
    return b;
  }

  private Node emptyHint() {
    Node icon = Icons.DROP.node();
    icon.getStyleClass().add("empty-icon");
    Label title = new Label(messages.get("empty.title"));
    title.getStyleClass().add("empty-title");
    Label hint = new Label(messages.get("empty.hint"));
    hint.getStyleClass().add("empty-hint");
    hint.setWrapText(true);
    Button open = new Button(messages.get("action.open.files"), Icons.OPEN_FILE.node());
    open.setOnAction(e -> model.openFiles());
    Button folder = new Button(messages.get("action.open.folder"), Icons.OPEN_FOLDER.node());
    folder.setOnAction(e -> model.openFolder());
    Button paste = new Button(messages.get("action.paste"), Icons.PASTE.node());
    paste.setOnAction(e -> paste());
    HBox buttons = new HBox(12, open, folder, paste);
    buttons.setAlignment(Pos.CENTER);
    VBox box = new VBox(16, icon, title, hint, buttons);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("empty-hint-box");
    box.setId("empty-hint");
    box.visibleProperty().bind(model.emptyProperty());
    box.managedProperty().bind(model.emptyProperty());
    return box;
  }

  private void showTree(List<InspectNode> nodes) {
    String before = selectedKey();
    updating = true;
    try {
      root.getChildren()
          .setAll(
              nodes.stream()
                  .map(n -> (TreeItem<InspectNode>) new NodeTreeItem(n, expansion))
                  .toList());
      tree.getSelectionModel().clearSelection();
    } finally {
      updating = false;
    }
    InspectNode now = model.selectedProperty().get();
    selectInTree(now, now != null && !now.key().equals(before));
  }

  private String selectedKey() {
    TreeItem<InspectNode> item = tree.getSelectionModel().getSelectedItem();
    return item == null ? "" : item.getValue().key();
  }

  /**
   * @param scroll whether to bring the item into view; not after a rebuild that kept the same
   *     selection, so the tree does not jump
   */
  private void selectInTree(InspectNode node, boolean scroll) {
    TreeItem<InspectNode> current = tree.getSelectionModel().getSelectedItem();
    if (node == null) {
      if (current != null) {
        updating = true;
        tree.getSelectionModel().clearSelection();
        updating = false;
      }
      return;
    }
    if (current != null && current.getValue().key().equals(node.key())) {
      return;
    }
    TreeItem<InspectNode> item = find(root, node.key());
    if (item != null) {
      updating = true;
      try {
        for (TreeItem<InspectNode> p = item.getParent(); p != null; p = p.getParent()) {
          p.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (scroll && row >= 0) {
          tree.scrollTo(Math.max(0, row - 3));
        }
      } finally {
        updating = false;
      }
    }
  }

  private static TreeItem<InspectNode> find(TreeItem<InspectNode> parent, String key) {
    for (TreeItem<InspectNode> child : parent.getChildren()) {
      String k = child.getValue().key();
      if (k.equals(key)) {
        return child;
      }
      if (key.startsWith(k + InspectNode.SEP)) {
        return find(child, key);
      }
    }
    return null;
  }
}
