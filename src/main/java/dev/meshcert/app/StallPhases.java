package dev.meshcert.app;

import dev.meshcert.ui.cluster.ClusterViewModel;
import dev.meshcert.ui.cluster.WorkloadRow;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Marks the phases of a launch on a {@link StallProbe}: {@code scanning} whenever the Cluster
 * screen starts reading a cluster, {@code first-frame} at the first layout pulse of the shown
 * window, {@code rows-shown} when the screen's rows first change (the scan's result), {@code
 * rows-changed} at every later change (a live update or a rescan). Call on the FX thread.
 */
final class StallPhases {
  private StallPhases() {}

  static void follow(StallProbe probe, Stage stage, ClusterViewModel cluster) {
    Scene scene = stage.getScene();
    Runnable[] firstFrame = new Runnable[1];
    firstFrame[0] =
        () -> {
          if (stage.isShowing()) {
            scene.removePostLayoutPulseListener(firstFrame[0]);
            probe.mark("first-frame");
          }
        };
    scene.addPostLayoutPulseListener(firstFrame[0]);
    if (cluster.busyProperty().get()) {
      probe.mark("scanning");
    }
    cluster
        .busyProperty()
        .addListener(
            (o, was, busy) -> {
              if (busy) {
                probe.mark("scanning");
              }
            });
    int[] changes = {0};
    cluster
        .rows()
        .addListener(
            (ListChangeListener<WorkloadRow>)
                c -> probe.mark(changes[0]++ == 0 ? "rows-shown" : "rows-changed"));
  }
}
