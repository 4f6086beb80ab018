package dev.meshcert.ui.common;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Zoom, theme and presentation mode of every window. All of it is style classes on each scene root
 * ({@code zoom-150}, {@code theme-dark}, {@code presentation}); the style sheet turns them into
 * font sizes and colours, so dialogs and popups follow as soon as they open. Use on the FX thread.
 */
public final class Appearance implements AutoCloseable {

  /** Zoom changes by this many percent per step. */
  public static final int STEP = 10;

  /** Presentation mode adds this many percent of zoom (up to the maximum). */
  public static final int PRESENTATION_BOOST = 40;

  private final Map<Window, Boolean> windows = new WeakHashMap<>();
  private final Map<Scene, Boolean> scenes = new WeakHashMap<>();
  private final ListChangeListener<Window> windowsListener =
      c -> {
        while (c.next()) {
          c.getAddedSubList().forEach(this::style);
        }
      };
  private final ChangeListener<Scene> sceneListener = (o, a, b) -> style(b);
  private final ChangeListener<Parent> rootListener = (o, a, b) -> style(b);

  private final IntegerProperty zoom = new SimpleIntegerProperty(this, "zoom", 100);
  private final ObjectProperty<Theme> theme =
      new SimpleObjectProperty<>(this, "theme", Theme.SYSTEM);
  private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
  private final BooleanProperty systemDark = new SimpleBooleanProperty(this, "systemDark");
  private final BooleanBinding dark =
      Bindings.createBooleanBinding(
          () -> theme.get() == Theme.DARK || theme.get() == Theme.SYSTEM && systemDark.get(),
          theme,
          systemDark);
  private final IntegerBinding effectiveZoom =
      Bindings.createIntegerBinding(
          () ->
              Math.min(
                  Settings.MAX_ZOOM, zoom.get() + (presentation.get() ? PRESENTATION_BOOST : 0)),
          zoom,
          presentation);

  public Appearance() {
    zoom.addListener(
        (o, a, b) -> {
          int clamped = clamp(b.intValue());
          if (clamped != b.intValue()) {
            zoom.set(clamped);
          }
        });
    dark.addListener((o, a, b) -> restyleAll());
    effectiveZoom.addListener((o, a, b) -> restyleAll());
    presentation.addListener((o, a, b) -> restyleAll());
  }

  /** The zoom the person chose, in percent (100 to 200). */
  public IntegerProperty zoomProperty() {
    return zoom;
  }

  /** The zoom in force: the chosen zoom plus the presentation boost. */
  public IntegerBinding effectiveZoom() {
    return effectiveZoom;
  }

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  public BooleanProperty presentationProperty() {
    return presentation;
  }

  /** What the desktop prefers, as found by {@link SystemTheme}; used when the theme is SYSTEM. */
  public BooleanProperty systemDarkProperty() {
    return systemDark;
  }

  /** Whether windows are dark now. */
  public BooleanBinding dark() {
    return dark;
  }

  public void zoomIn() {
    zoom.set(clamp(zoom.get() + STEP));
  }

  public void zoomOut() {
    zoom.set(clamp(zoom.get() - STEP));
  }

  public void resetZoom() {
    zoom.set(Settings.MIN_ZOOM);
  }

  /** Styles every window open now or later. */
  public void styleAllWindows() {
    Window.getWindows().addListener(windowsListener);
    Window.getWindows().forEach(this::style);
  }

  /** Styles this window's scene now and whenever it gets a new one. */
  public void style(Window window) {
    if (windows.putIfAbsent(window, Boolean.TRUE) == null) {
      window.sceneProperty().addListener(sceneListener);
    }
    style(window.getScene());
  }

  /** Styles one scene's root. */
  public void style(Scene scene) {
    if (scene == null) {
      return;
    }
    if (scenes.putIfAbsent(scene, Boolean.TRUE) == null) {
      scene.rootProperty().addListener(rootListener);
      if (!scene.getStylesheets().contains(Styles.stylesheet())) {
        scene.getStylesheets().add(Styles.stylesheet());
      }
    }
    style(scene.getRoot());
  }

  /** Puts this appearance's style classes on a root node, replacing earlier ones. */
  public void style(Parent root) {
    if (root == null) {
      return;
    }
    List<String> classes = root.getStyleClass();
    classes.removeIf(
        c -> c.startsWith("zoom-") || c.startsWith("theme-") || c.equals("presentation"));
    classes.add("zoom-" + effectiveZoom.get());
    classes.add(dark.get() ? Theme.DARK.styleClass() : Theme.LIGHT.styleClass());
    if (presentation.get()) {
      classes.add("presentation");
    }
  }

  /** Stops following new windows; windows keep the style they have. */
  @Override
  public void close() {
    Window.getWindows().removeListener(windowsListener);
    windows.keySet().forEach(w -> w.sceneProperty().removeListener(sceneListener));
    scenes.keySet().forEach(s -> s.rootProperty().removeListener(rootListener));
    windows.clear();
    scenes.clear();
  }

  private void restyleAll() {
    for (Scene s : List.copyOf(scenes.keySet())) {
      style(s.getRoot());
    }
  }

  private static int clamp(int z) {
    int stepped = Math.round(z / (float) STEP) * STEP;
    return Math.max(Settings.MIN_ZOOM, Math.min(Settings.MAX_ZOOM, stepped));
  }
}
