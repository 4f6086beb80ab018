package dev.meshcert.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tree items start open. */
class NodeTreeItemTest {

  @TempDir Path dir;
  final Certs certs = new Certs();

  @Test
  void chainsOfASourceStartOpen() {
    TreeItem<InspectNode> source = sourceWithChains(3);

    assertTrue(source.isExpanded());
    assertTrue(source.getChildren().stream().allMatch(TreeItem::isExpanded));
  }

  @Test
  void chainsAmongVeryManyStartClosed() {
    TreeItem<InspectNode> source = sourceWithChains(NodeTreeItem.MANY + 1);

    assertTrue(source.isExpanded());
    assertTrue(source.getChildren().stream().noneMatch(TreeItem::isExpanded));
  }

  @Test
  void openedChainStaysOpenWhenRebuilt() {
    Map<String, Boolean> expansion = new HashMap<>();
    InspectNode node = sourceNode(NodeTreeItem.MANY + 1);
    new NodeTreeItem(node, expansion).getChildren().get(7).setExpanded(true);

    assertTrue(new NodeTreeItem(node, expansion).getChildren().get(7).isExpanded());
    assertFalse(new NodeTreeItem(node, expansion).getChildren().get(8).isExpanded());
  }

  private TreeItem<InspectNode> sourceWithChains(int chains) {
    return new NodeTreeItem(sourceNode(chains), new HashMap<>());
  }

  /** The source node of a real chain, with {@code chains} copies of its chain node. */
  private InspectNode sourceNode(int chains) {
    ViewModelFixture f = new ViewModelFixture();
    f.model.addPaths(
        List.of(Certs.write(dir, "chain.pem", certs.workload, certs.intermediate, certs.root)));
    InspectNode source = f.roots().get(0);
    InspectNode chain =
        ViewModelFixture.find(source.children(), n -> n.data() instanceof InspectNode.ChainData)
            .orElseThrow();
    List<InspectNode> copies = new ArrayList<>();
    for (int i = 0; i < chains; i++) {
      copies.add(
          new InspectNode(
              source.key() + InspectNode.SEP + "chain " + i,
              chain.label(),
              chain.secondary(),
              Set.copyOf(chain.marks()),
              chain.data(),
              chain.children(),
              chain.searchText()));
    }
    return source.withChildren(copies);
  }
}
