package dev.meshcert.ui.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Filters the tree by text. Every word must occur in a node's search text (case-insensitive). A
 * matching node keeps its whole subtree; other nodes stay only as the path to a match.
 */
final class NodeFilter {
  private NodeFilter() {}

  static List<InspectNode> filter(List<InspectNode> nodes, String text) {
    List<String> words =
        Arrays.stream(text.toLowerCase(Locale.ROOT).trim().split("\\s+"))
            .filter(w -> !w.isEmpty())
            .toList();
    if (words.isEmpty()) {
      return nodes;
    }
    return keep(nodes, words);
  }

  private static List<InspectNode> keep(List<InspectNode> nodes, List<String> words) {
    List<InspectNode> kept = new ArrayList<>();
    for (InspectNode node : nodes) {
      if (matches(node, words)) {
        kept.add(node);
      } else {
        List<InspectNode> children = keep(node.children(), words);
        if (!children.isEmpty()) {
          kept.add(node.withChildren(children));
        }
      }
    }
    return kept;
  }

  private static boolean matches(InspectNode node, List<String> words) {
    if (node.searchText().isEmpty()) {
      return false;
    }
    for (String w : words) {
      if (!node.searchText().contains(w)) {
        return false;
      }
    }
    return true;
  }
}
