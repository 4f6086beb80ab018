package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.read.Source;
import java.util.List;
import java.util.Optional;

/**
 * The inspection tree of an analysis, prepared off the FX thread so that the FX thread only swaps
 * it in: every node, the nodes the filter lets through, and the node to select first with its
 * details (with ten thousand certificates, building these on the FX thread held it for a long
 * stall). Immutable.
 *
 * @param analysis what the tree shows
 * @param full every node
 * @param filter the filter text {@code filtered} was made with
 * @param filtered the nodes {@code filter} lets through
 * @param selection the node to select: the one selected before if still there, else the first
 *     certificate; empty when there is none
 * @param selectionDetails the details of {@code selection}, {@link Details#NONE} without one
 */
record PreparedTree(
    Analysis analysis,
    List<InspectNode> full,
    String filter,
    List<InspectNode> filtered,
    Optional<InspectNode> selection,
    Details selectionDetails) {

  /**
   * Blocking and pure: may run on any thread.
   *
   * @param keepKey the key of the node selected when the work began, "" for none
   */
  static PreparedTree of(
      Analysis analysis,
      List<Source> shown,
      Trust trust,
      String filter,
      String keepKey,
      TreeBuilder trees,
      DetailsBuilder details) {
    List<InspectNode> full = trees.build(shown, analysis, trust);
    List<InspectNode> filtered = NodeFilter.filter(full, filter);
    Optional<InspectNode> selection =
        (keepKey.isEmpty() ? Optional.<InspectNode>empty() : Copying.find(filtered, keepKey))
            .or(() -> Copying.firstCertificate(filtered));
    return new PreparedTree(
        analysis,
        full,
        filter,
        filtered,
        selection,
        selection.map(n -> details.details(n, analysis)).orElse(Details.NONE));
  }

  /** The prepared details of {@code node} for {@code current}, when these are the ones. */
  Optional<Details> detailsOf(InspectNode node, Analysis current) {
    return current == analysis && selection.orElse(null) == node
        ? Optional.of(selectionDetails)
        : Optional.empty();
  }
}
