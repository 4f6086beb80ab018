package dev.meshcert.ui.inspect;

import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.TreeWarmUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.HBox;

/**
 * A tree row: icon, name, badges (CA, SPIFFE) and a quieter secondary text. Expiry and other marks
 * become pseudo-classes on the cell; an empty cell clears text, graphic and every pseudo-class.
 */
final class InspectTreeCell extends TreeCell<InspectNode> {

  private static final PseudoClass SOURCE = PseudoClass.getPseudoClass("source");
  private static final PseudoClass CHAIN = PseudoClass.getPseudoClass("chain");
  private static final PseudoClass CERTIFICATE = PseudoClass.getPseudoClass("certificate");
  private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");

  private final ContextMenu menu;
  private final Label name = new Label();
  private final Label ca = new Label();
  private final Label spiffe = new Label();
  private final Label trusted = new Label();
  private final Label secondary = new Label();
  private final HBox box = new HBox();

  InspectTreeCell(ContextMenu menu, Messages messages) {
    this.menu = menu;
    getStyleClass().add("inspect-cell");
    name.getStyleClass().add("node-name");
    ca.getStyleClass().addAll("badge", "badge-ca");
    ca.setText(messages.get("badge.ca"));
    spiffe.getStyleClass().addAll("badge", "badge-spiffe");
    spiffe.setText(messages.get("badge.spiffe"));
    trusted.getStyleClass().addAll("badge", "badge-trusted");
    trusted.setText(messages.get("badge.trusted"));
    secondary.getStyleClass().add("node-secondary");
    box.getStyleClass().add("node-box");
  }

  /**
   * Rows for {@link TreeWarmUp}: problems with a secondary text, each under a heading, more than a
   * tall window shows.
   */
  static List<TreeItem<InspectNode>> warmUpRows() {
    List<TreeItem<InspectNode>> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      InspectNode problem =
          new InspectNode(
              "warm-up" + InspectNode.SEP + i,
              "warm-up",
              "warm-up",
              Set.of(),
              new InspectNode.ProblemData(new ReadProblem("", "warm-up")),
              List.of(),
              "");
      TreeItem<InspectNode> heading = new TreeItem<>(problem.withChildren(List.of(problem)));
      heading.getChildren().add(new TreeItem<>(problem));
      heading.setExpanded(true);
      rows.add(heading);
    }
    return rows;
  }

  @Override
  protected void updateItem(InspectNode node, boolean empty) {
    super.updateItem(node, empty);
    if (empty || node == null) {
      setText(null);
      setGraphic(null);
      setContextMenu(null);
      setAccessibleText(null);
      MarkStyles.apply(this, Set.of());
      setKind(null);
      return;
    }
    name.setText(node.label());
    secondary.setText(node.secondary());
    box.getChildren().setAll(NodeIcons.of(node).node(), name);
    boolean isCertificate = node.data() instanceof InspectNode.CertificateData;
    if (isCertificate && node.marks().contains(Mark.AUTHORITY)) {
      box.getChildren().add(ca);
    }
    if (isCertificate && node.marks().contains(Mark.SPIFFE)) {
      box.getChildren().add(spiffe);
    }
    if (node.marks().contains(Mark.TRUSTED)) {
      box.getChildren().add(trusted);
    }
    if (!node.secondary().isEmpty()) {
      box.getChildren().add(secondary);
    }
    setText(null);
    setGraphic(box);
    setContextMenu(menu);
    setAccessibleText(
        node.label()
            + (node.marks().contains(Mark.TRUSTED) ? ", " + trusted.getText() : "")
            + ", "
            + node.secondary());
    MarkStyles.apply(this, node.marks());
    setKind(node.data());
  }

  private void setKind(InspectNode.Data data) {
    pseudoClassStateChanged(SOURCE, data instanceof InspectNode.SourceData);
    pseudoClassStateChanged(CHAIN, data instanceof InspectNode.ChainData);
    pseudoClassStateChanged(CERTIFICATE, data instanceof InspectNode.CertificateData);
    pseudoClassStateChanged(GROUP, data instanceof InspectNode.GroupData);
  }
}
