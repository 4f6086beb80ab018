package dev.meshcert.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Window;

/** Every piece of text painted in every open window: Text nodes and text controls. */
final class ScreenTexts {
  private ScreenTexts() {}

  /** Call on the FX thread. */
  static List<String> all() {
    List<String> out = new ArrayList<>();
    for (Window w : Window.getWindows()) {
      if (w.getScene() != null) {
        collect(w.getScene().getRoot(), out);
      }
    }
    return out;
  }

  private static void collect(Node node, List<String> out) {
    if (node instanceof Text t && t.getText() != null) {
      out.add(t.getText());
    }
    if (node instanceof TextInputControl c && c.getText() != null) {
      out.add(c.getText());
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        collect(child, out);
      }
    }
  }
}
