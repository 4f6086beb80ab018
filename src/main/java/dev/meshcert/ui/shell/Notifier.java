package dev.meshcert.ui.shell;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Short notices in the bottom right corner of the main window, drawn in the window itself: a title
 * and a line, gone after a few seconds or on a click, at most three at a time (the oldest goes).
 * They used to be ControlsFX popups: each opened a window of its own, and the first one of a run
 * loaded and styled its classes while the scan that announced itself finished, a stall of 177–276
 * ms. Being in the scene, notices are masked by the screen guard like any other text. FX thread
 * only.
 */
final class Notifier {

  /** How long a notice stays. */
  static final Duration SHOWN_FOR = Duration.seconds(5);

  private static final int MOST = 3;

  private final VBox layer = new VBox(6);
  private final Duration shownFor;

  Notifier() {
    this(SHOWN_FOR);
  }

  Notifier(Duration shownFor) {
    this.shownFor = shownFor;
    layer.setId("notices");
    layer.setAlignment(Pos.BOTTOM_RIGHT);
    layer.setPadding(new Insets(12));
    layer.setPickOnBounds(false);
    layer.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
  }

  /** The layer to lay over the window's content (it lets clicks through where it is empty). */
  Node layer() {
    return layer;
  }

  /** Shows a notice that goes away by itself. */
  void info(String title, String text) {
    Label heading = new Label(title);
    heading.getStyleClass().add("notice-title");
    Label line = new Label(text);
    line.setWrapText(true);
    VBox notice = new VBox(2, heading, line);
    notice.getStyleClass().add("notice");
    notice.setMaxWidth(420);
    notice.setOnMouseClicked(e -> layer.getChildren().remove(notice));
    if (layer.getChildren().size() >= MOST) {
      layer.getChildren().remove(0);
    }
    layer.getChildren().add(notice);
    PauseTransition gone = new PauseTransition(shownFor);
    gone.setOnFinished(e -> layer.getChildren().remove(notice));
    gone.play();
  }
}
