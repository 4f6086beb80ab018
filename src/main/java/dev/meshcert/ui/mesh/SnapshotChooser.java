package dev.meshcert.ui.mesh;

import java.nio.file.Path;
import java.util.Optional;

/** Asks where to save a snapshot and which one to open, so view models never touch a window. */
public interface SnapshotChooser {

  /** The file to save to, suggesting {@code name}; empty when cancelled. */
  Optional<Path> chooseSave(String name);

  /** The snapshot, bug-report archive or dump to open; empty when cancelled. */
  Optional<Path> chooseOpen();
}
