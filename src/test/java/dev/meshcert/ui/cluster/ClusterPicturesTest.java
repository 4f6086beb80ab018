package dev.meshcert.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.WatchEvent;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * Live changes reach the Cluster screen as pictures made on the painter, not on the FX thread: the
 * FX thread only swaps them in, and a change that leaves every pod as it was rebuilds no row.
 */
class ClusterPicturesTest {

  private final ClusterFixture f = new ClusterFixture();
  private final List<Runnable> painter = new ArrayList<>();

  private static Workload newPod(String name) {
    return Workload.builder("bookinfo", name)
        .label("app", "ratings")
        .container(Container.of("ratings", "ratings:2"))
        .build();
  }

  @Test
  void aWatchSyncOfTheSamePodsRebuildsNoRowButRefreshesTheStatus() {
    ScriptedConnection prod = f.prodOnly();
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.start(false);
    List<WorkloadRow> shown = List.copyOf(m.rows());
    int[] changes = {0};
    m.rows().addListener((ListChangeListener<WorkloadRow>) c -> changes[0]++);

    List<Workload> same = shown.stream().map(WorkloadRow::pod).toList();
    prod.podListeners.get(0).onEvent(new WatchEvent.Synced<>(same));
    f.fxQueue.forEach(Runnable::run);

    assertEquals(0, changes[0], "the same pods keep their rows");
    for (int i = 0; i < shown.size(); i++) {
      assertSame(shown.get(i), m.rows().get(i));
    }
    assertTrue(m.statusProperty().get().contains("16 pods"), m.statusProperty().get());

    List<Workload> more = new ArrayList<>(same);
    more.add(newPod("ratings-v2-x1"));
    prod.podListeners.get(0).onEvent(new WatchEvent.Synced<>(more));
    f.fxQueue.forEach(Runnable::run);
    assertEquals(1, changes[0], "a sync with a new pod replaces the rows once");
    assertEquals(17, m.rows().size());
    assertTrue(m.statusProperty().get().contains("17 pods"), m.statusProperty().get());
  }

  @Test
  void eventsAreMadeIntoOnePictureOnThePainterAndOnlySwappedInOnTheFxThread() {
    ScriptedConnection prod = f.prodOnly();
    ClusterViewModel m = f.model(SyncTaskRunner.immediate());
    m.paintOn(painter::add);
    m.start(false);
    f.fxQueue.clear();

    prod.podListeners.get(0).onEvent(new WatchEvent.Upserted<>(newPod("ratings-v2-x1")));
    prod.podListeners.get(0).onEvent(new WatchEvent.Upserted<>(newPod("ratings-v2-x2")));
    assertEquals(1, painter.size(), "a burst of events waits for one picture");
    assertTrue(f.fxQueue.isEmpty(), "nothing reaches the FX thread before the picture is made");

    painter.forEach(Runnable::run);
    assertEquals(16, m.rows().size(), "the picture waits for the FX thread");
    assertEquals(1, f.fxQueue.size());
    f.fxQueue.forEach(Runnable::run);
    assertEquals(18, m.rows().size(), "one picture carries both events");
  }
}
