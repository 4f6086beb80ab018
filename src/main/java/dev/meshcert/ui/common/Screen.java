package dev.meshcert.ui.common;

import dev.meshcert.ui.common.report.Evidence;
import dev.meshcert.ui.common.report.Report;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.Ikon;

/**
 * One tab of the main window (Inspect, later Cluster, Probe, ...). The window shows the selected
 * screen's menu items, status and progress.
 */
public interface Screen {

  /** The tab title. */
  String title();

  /** The tab icon. */
  Ikon icon();

  /** The content; built once. */
  Node view();

  /** Status bar text while this screen is selected. */
  ObservableStringValue status();

  /** Status bar progress: 0 when idle, -1 when busy for an unknown time, else 0..1. */
  ObservableDoubleValue progress();

  /** Items for the File menu, above Quit. */
  default List<MenuItem> fileMenuItems() {
    return List.of();
  }

  /** Items for the Edit menu. */
  default List<MenuItem> editMenuItems() {
    return List.of();
  }

  /** Items for the View menu. */
  default List<MenuItem> viewMenuItems() {
    return List.of();
  }

  /** What this screen does with files dropped on the window, if anything. */
  default Optional<FileDropTarget> dropTarget() {
    return Optional.empty();
  }

  /** Opens files named on the command line; screens that do not open files ignore them. */
  default void open(List<java.nio.file.Path> files) {}

  /**
   * The kinds of file this screen opens when they come from outside the window (command line,
   * second launch, file association); the window sorts the files by content and hands each kind to
   * the first screen that opens it.
   */
  default java.util.Set<FileKind> opens() {
    return java.util.Set.of();
  }

  /**
   * The evidence card of what is selected (a certificate, a chain, a probe result), if anything:
   * the window copies it as Markdown or as an image. Build it from unredacted data; the window
   * redacts it.
   */
  default Optional<Evidence> evidence() {
    return Optional.empty();
  }

  /**
   * The current view as a report (HTML or Markdown export), if it has anything to report. Build it
   * from unredacted data; the window redacts it.
   */
  default Optional<Report> report() {
    return Optional.empty();
  }

  /** Called when the window closes: cancel running work. */
  default void close() {}
}
