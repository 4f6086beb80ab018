package dev.meshcert.ui.inspect;

import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree item that makes its children when first asked, so a bundle of thousands of certificates
 * does not make hundreds of thousands of items up front. Expansion is remembered by node key.
 */
final class NodeTreeItem extends TreeItem<InspectNode> {

  private final Map<String, Boolean> expansion;
  private boolean loaded;

  /**
   * @param expansion expanded state by node key, shared by all items of the view
   */
  NodeTreeItem(InspectNode node, Map<String, Boolean> expansion) {
    super(node);
    this.expansion = expansion;
    setExpanded(expansion.getOrDefault(node.key(), expandedByDefault(node)));
    expandedProperty().addListener((o, a, b) -> expansion.put(node.key(), b));
  }

  /** Sources and chains open, certificates closed. */
  static boolean expandedByDefault(InspectNode node) {
    return node.data() instanceof InspectNode.SourceData
        || node.data() instanceof InspectNode.ChainData;
  }

  @Override
  public boolean isLeaf() {
    return getValue().children().isEmpty();
  }

  @Override
  public ObservableList<TreeItem<InspectNode>> getChildren() {
    if (!loaded) {
      loaded = true;
      super.getChildren()
          .setAll(
              getValue().children().stream()
                  .map(c -> (TreeItem<InspectNode>) new NodeTreeItem(c, expansion))
                  .toList());
    }
    return super.getChildren();
  }
}
