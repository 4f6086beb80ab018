package dev.meshcert.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.TreeItem;

/**
 * Warms up a tree's cells before its first real rows. The first rows a virtualised tree lays out
 * cost far more than later ones: row and cell skins are made, their classes loaded and their code
 * run for the first time, style sheets matched. With a thousand rows arriving at once that was one
 * long stall of the FX thread. So, right after the tree is first laid out, made-up rows are laid
 * out while the tree is hidden, a few first and then a screenful, each in a pulse of its own; the
 * first real rows then reuse those cells, as later updates do. The tree stays hidden until the
 * pulse that lays it out without them. Nothing happens when the tree already has rows, and real
 * rows set meanwhile are kept.
 *
 * <p>A window about to be shown calls {@link #now} instead: its trees are warmed up in that call,
 * before the first frame. Otherwise a window opened on a scan would do this work while the scan's
 * threads compete for the cores, a stall of a window already on screen. Use on the FX thread.
 */
public final class TreeWarmUp {

  /** Rows laid out in the first round. */
  private static final int FIRST_ROUND = 2;

  /** Marks a tree that waits for its warm-up, in its properties: the warm-up to run. */
  private static final Object KEY = new Object();

  private TreeWarmUp() {}

  /**
   * Arranges the warm-up of {@code tree}, whose rows are the children of {@code root}.
   *
   * @param madeUp rows to lay out, more than a tall window shows; the tree's cells must show them
   *     like any other row
   */
  public static <T> void whenFirstShown(
      Control tree, TreeItem<T> root, Supplier<List<TreeItem<T>>> madeUp) {
    Runnable[] sync = new Runnable[1];
    boolean[] done = {false};
    sync[0] =
        () -> {
          tree.getProperties().remove(KEY, sync[0]);
          if (!done[0]) {
            done[0] = true;
            now(tree, root, madeUp);
          }
        };
    tree.getProperties().put(KEY, sync[0]);
    boolean[] armed = {false};
    tree.sceneProperty()
        .addListener(
            (o, was, scene) -> {
              if (scene != null && !armed[0]) {
                armed[0] = true;
                afterNextLayout(
                    scene,
                    () ->
                        Platform.runLater(
                            () -> {
                              if (!done[0]) {
                                done[0] = true;
                                tree.getProperties().remove(KEY, sync[0]);
                                run(tree, root, madeUp);
                              }
                            }));
              }
            });
  }

  /**
   * Warms up, in this call, every tree under {@code parent} still waiting for its warm-up. For a
   * window about to be shown: call it after a first CSS pass and layout of the scene at its size
   * (trees of unselected tabs are sized too), so that the work falls before the first frame.
   */
  public static void now(Parent parent) {
    List<Runnable> waiting = new ArrayList<>();
    collect(parent, waiting);
    waiting.forEach(Runnable::run);
  }

  private static void collect(Node node, List<Runnable> into) {
    if (node.getProperties().get(KEY) instanceof Runnable r) {
      into.add(r);
    }
    if (node instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(c -> collect(c, into));
    }
  }

  /** The same two rounds and the clearing, laid out in this call. */
  private static <T> void now(Control tree, TreeItem<T> root, Supplier<List<TreeItem<T>>> madeUp) {
    if (!root.getChildren().isEmpty()) {
      return;
    }
    List<TreeItem<T>> rows = madeUp.get();
    root.getChildren().setAll(rows.subList(0, Math.min(FIRST_ROUND, rows.size())));
    tree.applyCss();
    tree.layout();
    root.getChildren().setAll(rows);
    tree.layout();
    root.getChildren().clear();
    tree.layout();
  }

  private static <T> void run(Control tree, TreeItem<T> root, Supplier<List<TreeItem<T>>> madeUp) {
    Scene scene = tree.getScene();
    if (scene == null || !root.getChildren().isEmpty()) {
      return;
    }
    List<TreeItem<T>> rows = madeUp.get();
    // two rounds: a few rows first (classes loaded, code run once), then a screenful, each in a
    // pulse of its own, so that neither is a long stall
    List<TreeItem<T>> few = List.copyOf(rows.subList(0, Math.min(FIRST_ROUND, rows.size())));
    tree.setVisible(false);
    root.getChildren().setAll(few);
    afterNextLayout(
        scene,
        () -> {
          if (root.getChildren().equals(few)) {
            root.getChildren().setAll(rows);
          }
          afterNextLayout(scene, () -> clear(scene, tree, root, rows));
        });
  }

  private static <T> void clear(
      Scene scene, Control tree, TreeItem<T> root, List<TreeItem<T>> rows) {
    if (root.getChildren().equals(rows)) {
      root.getChildren().clear();
    }
    Runnable[] show = new Runnable[1];
    show[0] =
        () -> {
          scene.removePreLayoutPulseListener(show[0]);
          tree.setVisible(true);
        };
    scene.addPreLayoutPulseListener(show[0]);
  }

  private static void afterNextLayout(Scene scene, Runnable then) {
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          then.run();
        };
    scene.addPostLayoutPulseListener(once[0]);
  }
}
