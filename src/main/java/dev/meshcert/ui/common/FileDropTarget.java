package dev.meshcert.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a screen does with files or text dropped on the window. Kept apart from drag events so the
 * decision can be tested without a screen.
 */
public interface FileDropTarget {

  /** Whether a drop of these files or this text would be taken. */
  boolean accepts(List<Path> files, Optional<String> text);

  /**
   * Takes the drop.
   *
   * @return whether anything was taken
   */
  boolean drop(List<Path> files, Optional<String> text);
}
