package dev.meshcert.ui.mesh;

import dev.meshcert.mesh.trust.Comparison;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Styles;
import javafx.css.PseudoClass;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Two workloads side by side: identity, trust domain, each chain position, root and bundle, rows
 * that differ marked {@code :different}; the verdict on top.
 */
final class CompareDialog {

  private static final PseudoClass DIFFERENT = PseudoClass.getPseudoClass("different");

  private CompareDialog() {}

  /** The dialog's content, built apart so tests can look at it without showing a window. */
  static VBox content(Comparison c, Messages messages) {
    Label verdict = new Label(c.verdict());
    verdict.setWrapText(true);
    verdict.setId("compare-verdict");
    verdict.getStyleClass().add("compare-verdict");
    GridPane grid = new GridPane();
    grid.setId("compare-grid");
    grid.getStyleClass().add("compare-grid");
    ColumnConstraints label = new ColumnConstraints();
    ColumnConstraints side = new ColumnConstraints();
    side.setHgrow(Priority.ALWAYS);
    side.setPercentWidth(42);
    grid.getColumnConstraints().addAll(label, side, side);
    grid.add(cell(messages.get("mesh.compare.property"), "compare-head"), 0, 0);
    grid.add(cell(c.left().name(), "compare-head"), 1, 0);
    grid.add(cell(c.right().name(), "compare-head"), 2, 0);
    int row = 1;
    for (Comparison.Row r : c.rows()) {
      Label[] cells = {
        cell(r.label(), "compare-label"),
        cell(r.left(), "compare-value"),
        cell(r.right(), "compare-value")
      };
      for (int col = 0; col < cells.length; col++) {
        cells[col].pseudoClassStateChanged(DIFFERENT, !r.same());
        grid.add(cells[col], col, row);
      }
      row++;
    }
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    VBox box = new VBox(10, verdict, scroll);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    box.getStyleClass().add("compare-dialog");
    return box;
  }

  /** Shows the comparison, not waiting for it to be closed. */
  static void show(Window owner, Comparison c, Messages messages) {
    Dialog<Void> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(messages.get("mesh.compare.title", c.left().name(), c.right().name()));
    dialog.setResizable(true);
    dialog.getDialogPane().setContent(content(c, messages));
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.getDialogPane().getStylesheets().add(Styles.stylesheet());
    dialog.getDialogPane().setPrefSize(980, 560);
    dialog.show();
  }

  private static Label cell(String text, String style) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.getStyleClass().add(style);
    l.setMaxWidth(Double.MAX_VALUE);
    return l;
  }
}
