package dev.meshcert.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * What a window does before it first shows, so that the work falls before its first frame: one CSS
 * pass and layout of its scene at its size, its trees warmed up ({@link TreeWarmUp#now}), and one
 * picture of it drawn off screen, which loads the renderer's code and fills its glyph cache. Done
 * after the first frame, this work stalled a window already on screen while the scan it opened on
 * competed for the cores. Use on the FX thread.
 */
public final class WindowWarmUp {

  /** System property: {@code true} skips the warm-up (to measure what it saves). */
  public static final String SKIP = "meshcert.noWarmUp";

  private WindowWarmUp() {}

  /** Warms up {@code scene}'s window, not shown yet, unless {@link #SKIP} is set. */
  public static void beforeShow(Scene scene) {
    if (Boolean.getBoolean(SKIP)) {
      return;
    }
    Parent root = scene.getRoot();
    root.applyCss();
    root.resize(scene.getWidth(), scene.getHeight());
    root.layout();
    TreeWarmUp.now(root);
    root.snapshot(null, null);
  }
}
