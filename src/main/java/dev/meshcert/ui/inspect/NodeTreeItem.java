package dev.meshcert.ui.inspect;

import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A tree item that makes its children when first asked, so a bundle of thousands of certificates
 * does not make hundreds of thousands of items up front. Expansion is remembered by node key.
 */
final class NodeTreeItem extends TreeItem<InspectNode> {

  /**
   * Above this many siblings, chains start closed: the tree makes the items of every open item to
   * count its rows, and ten thousand open chains held the FX thread for a long stall.
   */
  static final int MANY = 500;

  private final Map<String, Boolean> expansion;
  private boolean loaded;

  /**
   * @param expansion expanded state by node key, shared by all items of the view
   */
  NodeTreeItem(InspectNode node, Map<String, Boolean> expansion) {
    this(node, expansion, 1);
  }

  private NodeTreeItem(InspectNode node, Map<String, Boolean> expansion, int siblings) {
    super(node);
    this.expansion = expansion;
    setExpanded(expansion.getOrDefault(node.key(), expandedByDefault(node, siblings)));
    expandedProperty().addListener((o, a, b) -> expansion.put(node.key(), b));
  }

  /** Sources open, chains open unless among more than {@link #MANY}, certificates closed. */
  static boolean expandedByDefault(InspectNode node, int siblings) {
    return node.data() instanceof InspectNode.SourceData
        || (node.data() instanceof InspectNode.ChainData && siblings <= MANY);
  }

  @Override
  public boolean isLeaf() {
    return getValue().children().isEmpty();
  }

  @Override
  public ObservableList<TreeItem<InspectNode>> getChildren() {
    if (!loaded) {
      loaded = true;
      int siblings = getValue().children().size();
      super.getChildren()
          .setAll(
              getValue().children().stream()
                  .map(c -> (TreeItem<InspectNode>) new NodeTreeItem(c, expansion, siblings))
                  .toList());
    }
    return super.getChildren();
  }
}
