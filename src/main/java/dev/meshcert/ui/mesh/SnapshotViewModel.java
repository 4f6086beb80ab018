package dev.meshcert.ui.mesh;

import dev.meshcert.kube.pull.Snapshot;
import dev.meshcert.kube.pull.SnapshotService;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.TaskRunner;
import dev.meshcert.ui.common.TaskSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Saving what the Mesh screen shows as a snapshot file and opening one (or an {@code istioctl
 * bug-report} archive, or a loose dump) with no cluster: opened snapshots show in the same views.
 * File work runs on the {@link TaskRunner}. Use on the FX thread.
 */
public final class SnapshotViewModel {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd-HHmm").withZone(ZoneOffset.UTC);

  private final MeshViewModel mesh;
  private final SnapshotService snapshots;
  private final SnapshotChooser files;
  private final TaskRunner runner;
  private final Messages messages;
  private final Clock clock;
  private final String savedBy;
  private final ReadOnlyBooleanWrapper savable = new ReadOnlyBooleanWrapper(false);

  /**
   * @param savedBy the program and version written into snapshots ("meshcert 0.3.0")
   */
  public SnapshotViewModel(
      MeshViewModel mesh,
      SnapshotService snapshots,
      SnapshotChooser files,
      TaskRunner runner,
      Messages messages,
      Clock clock,
      String savedBy) {
    this.mesh = mesh;
    this.snapshots = snapshots;
    this.files = files;
    this.runner = runner;
    this.messages = messages;
    this.clock = clock;
    this.savedBy = savedBy;
    mesh.analysisProperty().addListener((o, a, b) -> savable.set(b.data().savable()));
  }

  /** Whether what is shown came from a scan or snapshot and so can be saved. */
  public ReadOnlyBooleanProperty savableProperty() {
    return savable.getReadOnlyProperty();
  }

  /** Asks for a snapshot file and opens it. */
  public void open() {
    files.chooseOpen().ifPresent(this::open);
  }

  /** Opens {@code file} (a snapshot, a bug-report archive, a dump) in the background. */
  public void open(Path file) {
    String name = String.valueOf(file.getFileName());
    mesh.start(
        messages.get("mesh.task.openSnapshot", name),
        p -> mesh.analyse(ScanResults.of(name, snapshots.open(file))));
  }

  /** Asks where to save, then saves what is shown. */
  public void save() {
    MeshData data = mesh.analysisProperty().get().data();
    if (!data.savable()) {
      mesh.tell(messages.get("mesh.status.nothingToSave"));
      return;
    }
    String suggested = "meshcert-" + STAMP.format(clock.instant()) + ".json";
    files.chooseSave(suggested).ifPresent(f -> save(data, f));
  }

  /** Saves {@code data}'s scans to {@code file} in the background. */
  public void save(MeshData data, Path file) {
    Snapshot snapshot =
        new Snapshot(
            SnapshotService.FORMAT_VERSION, clock.instant(), savedBy, data.scans(), List.of());
    String name = String.valueOf(file.getFileName());
    runner.run(
        TaskSpec.of(
                messages.get("mesh.task.save", name),
                p -> {
                  snapshots.save(snapshot, file);
                  return file;
                })
            .onSuccess(f -> mesh.tell(messages.get("mesh.status.saved", name)))
            .onFailure(
                e ->
                    mesh.tell(
                        messages.get(
                            "mesh.status.saveFailed",
                            name,
                            Optional.ofNullable(e.getMessage()).orElse(e.toString())))));
  }
}
