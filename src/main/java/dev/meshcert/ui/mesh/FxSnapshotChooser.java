package dev.meshcert.ui.mesh;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File choosers for snapshots, owned by the main window. */
public final class FxSnapshotChooser implements SnapshotChooser {

  private final Supplier<Optional<Window>> owner;
  private final String snapshotsLabel;
  private final String allLabel;

  /**
   * @param owner the window the choosers belong to, once there is one
   * @param snapshotsLabel the filter name for snapshot files
   * @param allLabel the filter name for every file
   */
  public FxSnapshotChooser(
      Supplier<Optional<Window>> owner, String snapshotsLabel, String allLabel) {
    this.owner = owner;
    this.snapshotsLabel = snapshotsLabel;
    this.allLabel = allLabel;
  }

  @Override
  public Optional<Path> chooseSave(String name) {
    FileChooser chooser = chooser();
    chooser.setInitialFileName(name);
    return Optional.ofNullable(chooser.showSaveDialog(owner.get().orElse(null))).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseOpen() {
    return Optional.ofNullable(chooser().showOpenDialog(owner.get().orElse(null)))
        .map(File::toPath);
  }

  private FileChooser chooser() {
    FileChooser chooser = new FileChooser();
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                snapshotsLabel, "*.json", "*.json.gz", "*.tar.gz", "*.tgz", "*.tar", "*.yaml"),
            new FileChooser.ExtensionFilter(allLabel, "*"));
    return chooser;
  }
}
