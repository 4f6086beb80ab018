package dev.meshcert.ui.mesh;

import dev.meshcert.ui.common.FileDropTarget;
import dev.meshcert.ui.common.FileKind;
import dev.meshcert.ui.common.Icons;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.Screen;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;

/** The Mesh tab: trust across workloads, the expiry timeline, scans and snapshots. */
public final class MeshScreen implements Screen {

  private final MeshViewModel model;
  private final MeshView view;
  private final Optional<SnapshotViewModel> snapshots;
  private final Messages messages;

  public MeshScreen(
      MeshViewModel model,
      MeshView view,
      Optional<SnapshotViewModel> snapshots,
      Messages messages) {
    this.model = model;
    this.view = view;
    this.snapshots = snapshots;
    this.messages = messages;
  }

  @Override
  public String title() {
    return messages.get("screen.mesh");
  }

  @Override
  public Ikon icon() {
    return Icons.AUTHORITY.ikon();
  }

  @Override
  public Node view() {
    return view.node();
  }

  @Override
  public ObservableStringValue status() {
    return model.statusProperty();
  }

  @Override
  public ObservableDoubleValue progress() {
    return model.progressProperty();
  }

  @Override
  public List<MenuItem> fileMenuItems() {
    List<MenuItem> items = new ArrayList<>();
    items.add(item("mesh.openDumps", "mesh-open-dumps", null, model::openFiles));
    snapshots.ifPresent(
        s -> {
          items.add(new SeparatorMenuItem());
          items.add(item("mesh.snapshot.open", "snapshot-open", "Shortcut+Shift+P", s::open));
          MenuItem save = item("mesh.snapshot.save", "snapshot-save", "Shortcut+S", s::save);
          save.disableProperty().bind(s.savableProperty().not());
          items.add(save);
        });
    items.add(new SeparatorMenuItem());
    items.add(item("mesh.clear", "mesh-clear", null, model::clear));
    return items;
  }

  @Override
  public List<MenuItem> editMenuItems() {
    return List.of(item("mesh.compare", "mesh-compare", "Shortcut+D", view::compare));
  }

  @Override
  public Optional<FileDropTarget> dropTarget() {
    return Optional.of(
        new FileDropTarget() {
          @Override
          public boolean accepts(List<Path> files, Optional<String> text) {
            return !files.isEmpty();
          }

          @Override
          public boolean drop(List<Path> files, Optional<String> text) {
            open(files);
            return !files.isEmpty();
          }
        });
  }

  /** Opens files of any kind it shows (snapshots, archives, dumps, PEM), sorted by content. */
  @Override
  public void open(List<Path> files) {
    model.addPaths(files);
  }

  @Override
  public Set<FileKind> opens() {
    return Set.of(FileKind.MESH_SNAPSHOT, FileKind.BUG_REPORT, FileKind.MESH_DUMP);
  }

  @Override
  public void close() {
    model.close();
  }

  /** The view model, for tests and the composition root. */
  public MeshViewModel model() {
    return model;
  }

  /** The view, for tests. */
  MeshView meshView() {
    return view;
  }

  private MenuItem item(String key, String id, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(messages.get(key));
    item.setId(id);
    if (accelerator != null) {
      item.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    item.setOnAction(e -> action.run());
    return item;
  }
}
