package dev.meshcert.ui.common;

import dev.meshcert.core.redact.Redaction;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
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
public final class ScreenGuard implements AutoCloseable {

  /** Marks what this guard watches, and keeps the text it replaced, in each node's properties. */
  private final Object key = new Object();

  private final Redactor redactor;
  private final ListChangeListener<Window> windowsListener =
      c -> {
        while (c.next()) {
          c.getAddedSubList().forEach(this::guard);
        }
      };
  private final ChangeListener<Scene> sceneListener = (o, a, b) -> guard(b);
  private final Map<Scene, Runnable> pulses = new WeakHashMap<>();
  private final Map<Window, Boolean> windows = new WeakHashMap<>();
  private Object generation = new Object();

  private record Shown(String original, String shown, Object generation) {}

  public ScreenGuard(Redactor redactor) {
    this.redactor = redactor;
    redactor.policyProperty().addListener((o, a, b) -> refresh());
    redactor.learnedProperty().addListener((o, a, b) -> refresh());
  }

  /** Guards every window the application opens from now on, and those open already. */
  public void guardAllWindows() {
    Window.getWindows().addListener(windowsListener);
    Window.getWindows().forEach(this::guard);
  }

  /** Guards one window's scenes. */
  public void guard(Window window) {
    if (windows.putIfAbsent(window, Boolean.TRUE) != null) {
      return;
    }
    window.sceneProperty().addListener(sceneListener);
    guard(window.getScene());
  }

  /** Guards one scene. */
  public void guard(Scene scene) {
    if (scene == null || pulses.containsKey(scene)) {
      return;
    }
    Runnable pulse = () -> sweep(scene.getRoot());
    pulses.put(scene, pulse);
    scene.addPostLayoutPulseListener(pulse);
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
    if (node instanceof Labeled labeled && !labeled.textProperty().isBound()) {
      // Rewriting the control's own text (not only what its skin paints) keeps its size, wrapping
      // and ellipsis right for the masked text. Its graphic and skin text are swept below.
      apply(node, labeled.getText(), labeled::setText);
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
    Shown last = (Shown) node.getProperties().get(key);
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
    node.getProperties().put(key, new Shown(original, shown, generation));
  }

  /** Stops guarding: the windows stay as they are, new text is no longer masked. */
  @Override
  public void close() {
    Window.getWindows().removeListener(windowsListener);
    windows.keySet().forEach(w -> w.sceneProperty().removeListener(sceneListener));
    pulses.forEach(Scene::removePostLayoutPulseListener);
    windows.clear();
    pulses.clear();
  }

  private void refresh() {
    generation = new Object();
    for (Scene scene : List.copyOf(pulses.keySet())) {
      sweep(scene.getRoot());
    }
    Platform.requestNextPulse();
  }
}
