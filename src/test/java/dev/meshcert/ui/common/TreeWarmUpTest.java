package dev.meshcert.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A tree warmed up by {@link TreeWarmUp} on a real (headless) stage. */
@ExtendWith(ApplicationExtension.class)
class TreeWarmUpTest {

  private StackPane holder;

  @Start
  void start(Stage stage) {
    holder = new StackPane();
    stage.setScene(new Scene(holder, 400, 300));
    stage.show();
  }

  @Test
  void emptyTreeEndsVisibleAndEmptyWithCellsMadeForItsRows() throws Exception {
    TreeItem<String> root = new TreeItem<>("root");
    TreeView<String> tree = tree(root);
    List<TreeItem<String>> madeUp = rows("made up", 40);
    TreeWarmUp.whenFirstShown(tree, root, () -> madeUp);
    onFx(() -> holder.getChildren().setAll(tree));
    settle();

    assertTrue(onFx(tree::isVisible), "visible again");
    assertTrue(onFx(() -> root.getChildren().isEmpty()), "made-up rows removed");
    Set<Node> cells = onFx(() -> tree.lookupAll(".tree-cell"));
    assertTrue(cells.size() >= 10, "cells made for a screenful of rows: " + cells.size());
  }

  @Test
  void aWindowAboutToShowWarmsItsTreesUpInOneCallAndNeverAgain() throws Exception {
    TreeItem<String> root = new TreeItem<>("root");
    TreeView<String> tree = tree(root);
    // the cells that have shown a row: what the warm-up is for
    Set<javafx.scene.control.TreeCell<String>> filled = new java.util.HashSet<>();
    tree.setCellFactory(
        t ->
            new javafx.scene.control.TreeCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                if (!empty) {
                  filled.add(this);
                }
              }
            });
    int[] madeUpCalls = {0};
    TreeWarmUp.whenFirstShown(
        tree,
        root,
        () -> {
          madeUpCalls[0]++;
          return rows("made up", 40);
        });
    // as MainWindow.show does before stage.show(): a scene not yet shown, laid out at its size
    StackPane unshown = new StackPane(new StackPane(tree));
    onFx(
        () -> {
          Scene scene = new Scene(unshown, 400, 300);
          unshown.applyCss();
          unshown.resize(scene.getWidth(), scene.getHeight());
          unshown.layout();
        });
    assertEquals(0, filled.size(), "no row before the warm-up");
    onFx(() -> TreeWarmUp.now(unshown));
    assertTrue(filled.size() >= 10, "cells laid out with a screenful of rows: " + filled.size());
    assertTrue(onFx(() -> root.getChildren().isEmpty()), "made-up rows removed");

    onFx(() -> holder.getChildren().setAll(unshown));
    settle();
    assertEquals(1, madeUpCalls[0], "not warmed up again once shown");
    assertTrue(onFx(tree::isVisible));
  }

  @Test
  void treeWithRowsKeepsThem() throws Exception {
    TreeItem<String> root = new TreeItem<>("root");
    List<TreeItem<String>> real = rows("real", 3);
    root.getChildren().setAll(real);
    TreeView<String> tree = tree(root);
    TreeWarmUp.whenFirstShown(tree, root, () -> rows("made up", 40));
    onFx(() -> holder.getChildren().setAll(tree));
    settle();

    assertEquals(real, onFx(() -> List.copyOf(root.getChildren())));
    assertTrue(onFx(tree::isVisible));
  }

  @Test
  void rowsSetWhileWarmingUpAreKept() throws Exception {
    TreeItem<String> root = new TreeItem<>("root");
    TreeView<String> tree = tree(root);
    List<TreeItem<String>> real = rows("real", 3);
    TreeWarmUp.whenFirstShown(
        tree,
        root,
        () -> {
          // the first real rows arrive right after the made-up ones were laid out
          javafx.application.Platform.runLater(() -> root.getChildren().setAll(real));
          return rows("made up", 40);
        });
    onFx(() -> holder.getChildren().setAll(tree));
    settle();

    assertEquals(real, onFx(() -> List.copyOf(root.getChildren())));
    assertTrue(onFx(tree::isVisible));
  }

  private static TreeView<String> tree(TreeItem<String> root) {
    TreeView<String> tree = new TreeView<>(root);
    tree.setShowRoot(false);
    return tree;
  }

  private static List<TreeItem<String>> rows(String text, int count) {
    List<TreeItem<String>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(new TreeItem<>(text + " " + i));
    }
    return rows;
  }

  /** Lets the pulses of the warm-up pass (it takes four). */
  private static void settle() throws Exception {
    for (int i = 0; i < 10; i++) {
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(50);
    }
  }

  private static <T> T onFx(Callable<T> c) throws Exception {
    return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
  }

  private static void onFx(Runnable r) throws Exception {
    WaitForAsyncUtils.asyncFx(r).get(30, TimeUnit.SECONDS);
  }
}
