package dev.meshcert.ui.cluster;

import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selection of the pod tree and the actions that work on it: the state behind {@link
 * ClusterViewModel}'s extension point. FX thread only.
 */
final class WorkloadMenu {

  private final ObjectProperty<WorkloadRow> focused = new SimpleObjectProperty<>();
  private final ObservableList<WorkloadRow> selected = FXCollections.observableArrayList();
  private final ObservableList<WorkloadAction> actions = FXCollections.observableArrayList();
  private final ObservableList<WorkloadAction> readOnlyActions =
      FXCollections.unmodifiableObservableList(actions);

  ObjectProperty<WorkloadRow> focused() {
    return focused;
  }

  ObservableList<WorkloadRow> selected() {
    return selected;
  }

  ObservableList<WorkloadAction> actions() {
    return readOnlyActions;
  }

  void add(WorkloadAction action) {
    actions.add(action);
  }

  /** The selection on {@code connection}'s {@code snapshot}; empty when nothing is selected. */
  Optional<WorkloadSelection> selection(ClusterConnection connection, MeshSnapshot snapshot) {
    List<WorkloadRow> rows =
        selected.isEmpty()
            ? Optional.ofNullable(focused.get()).map(List::of).orElse(List.of())
            : selected;
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<WorkloadStatus> statuses = rows.stream().map(WorkloadRow::status).toList();
    return Optional.of(new WorkloadSelection(connection, snapshot, statuses));
  }

  /** Keeps the selection (by pod reference) on the rows of a newer snapshot. */
  void follow(List<WorkloadRow> fresh) {
    String focusRef = focused.get() == null ? null : focused.get().ref();
    Set<String> refs = selected.stream().map(WorkloadRow::ref).collect(Collectors.toSet());
    selected.setAll(fresh.stream().filter(r -> refs.contains(r.ref())).toList());
    focused.set(fresh.stream().filter(r -> r.ref().equals(focusRef)).findFirst().orElse(null));
  }

  void clear() {
    selected.clear();
    focused.set(null);
  }
}
