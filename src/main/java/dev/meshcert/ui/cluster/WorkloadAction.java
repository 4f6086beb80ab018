package dev.meshcert.ui.cluster;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An entry of the pod tree's context menu (and of the screen's Workload menu), added by the
 * composition root with {@link ClusterViewModel#addWorkloadAction}: other screens (probe, trust
 * view, certificate retrieval) plug in here without editing this package.
 *
 * @param label the menu text, already localised
 * @param enabledWhen whether the entry is enabled for a selection (called on the FX thread; must be
 *     quick)
 * @param handler runs on the FX thread when chosen; slow work goes to a {@code TaskRunner}
 */
public record WorkloadAction(
    String label, Predicate<WorkloadSelection> enabledWhen, Consumer<WorkloadSelection> handler) {

  /** An action enabled for every non-empty selection. */
  public static WorkloadAction always(String label, Consumer<WorkloadSelection> handler) {
    return new WorkloadAction(label, s -> true, handler);
  }

  /** An action enabled when exactly one workload is selected. */
  public static WorkloadAction single(String label, Consumer<WorkloadSelection> handler) {
    return new WorkloadAction(label, WorkloadSelection::isSingle, handler);
  }
}
