package dev.meshcert.ui.common;

import dev.meshcert.core.redact.Redaction;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * Masks text on screen whatever screen put it there: after each layout pulse it passes every {@link
 * Text} node (which is what labels, cells, menus and tooltips paint with) and every read-only text
 * control of every window through the {@link Redactor}. The text a screen set is kept, so turning
 * the switch off shows it again. Editable fields (what the person types) and bound text are left
 * alone.
 *
 * <p>This is the safety net behind "everywhere on screen"; screens still call the redactor for
 * values it cannot recognise by shape (pod and namespace names). Use on the FX thread.
 */
public final class ScreenGuard {

  private static final Object KEY = new Object();

  private final Redactor redactor;
  private Object generation = new Object();

  private record Shown(String original, String shown, Object generation) {}

  public ScreenGuard(Redactor redactor) {
    this.redactor = redactor;
    redactor.policyProperty().addListener((o, a, b) -> refresh());
    redactor.learnedProperty().addListener((o, a, b) -> refresh());
  }

  /** Guards every window the application opens from now on, and those open already. */
  public void guardAllWindows() {
    Window.getWindows()
        .addListener(
            (ListChangeListener<Window>)
                c -> {
                  while (c.next()) {
                    c.getAddedSubList().forEach(this::guard);
                  }
                });
    Window.getWindows().forEach(this::guard);
  }

  /** Guards one window's scenes. */
  public void guard(Window window) {
    if (window.getProperties().putIfAbsent(KEY, Boolean.TRUE) != null) {
      return;
    }
    window.sceneProperty().addListener((o, a, b) -> guard(b));
    guard(window.getScene());
  }

  /** Guards one scene. */
  public void guard(Scene scene) {
    if (scene == null || scene.getProperties().putIfAbsent(KEY, Boolean.TRUE) != null) {
      return;
    }
    scene.addPostLayoutPulseListener(() -> sweep(scene.getRoot()));
    Platform.requestNextPulse();
  }

  /** Masks the text under this node now. */
  public void sweep(Node node) {
    if (node == null) {
      return;
    }
    if (node instanceof TextInputControl field) {
      if (!field.isEditable() && !field.textProperty().isBound()) {
        apply(node, field.getText(), field::setText);
      }
      return;
    }
    if (node instanceof Text text) {
      if (!text.textProperty().isBound()) {
        apply(node, text.getText(), text::setText);
      }
      return;
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        sweep(child);
      }
    }
  }

  private void apply(Node node, String current, Consumer<String> set) {
    String now = current == null ? "" : current;
    Shown last = (Shown) node.getProperties().get(KEY);
    boolean ours = last != null && last.shown().equals(now);
    if (ours && last.generation() == generation) {
      return;
    }
    String original = ours ? last.original() : now;
    Redaction policy = redactor.policy();
    String shown = policy.text(original);
    if (!shown.equals(now)) {
      set.accept(shown);
    }
    node.getProperties().put(KEY, new Shown(original, shown, generation));
  }

  private void refresh() {
    generation = new Object();
    for (Window w : Window.getWindows()) {
      if (w.getScene() != null && Objects.equals(w.getScene().getProperties().get(KEY), true)) {
        sweep(w.getScene().getRoot());
      }
    }
    Platform.requestNextPulse();
  }
}
