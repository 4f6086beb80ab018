package dev.meshcert.ui.inspect;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Turns marks into CSS pseudo-classes: {@code :expired}, {@code :spiffe}, {@code :error}, ... */
final class MarkStyles {
  private MarkStyles() {}

  private static final Map<Mark, PseudoClass> PSEUDO = new EnumMap<>(Mark.class);

  static {
    for (Mark m : Mark.values()) {
      PSEUDO.put(m, PseudoClass.getPseudoClass(m.cssName()));
    }
  }

  /** Sets exactly these marks' pseudo-classes on the node, clearing the others. */
  static void apply(Node node, Set<Mark> marks) {
    for (Mark m : Mark.values()) {
      node.pseudoClassStateChanged(PSEUDO.get(m), marks.contains(m));
    }
  }

  static PseudoClass pseudoClass(Mark mark) {
    return PSEUDO.get(mark);
  }
}
