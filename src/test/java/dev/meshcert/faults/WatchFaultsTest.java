package dev.meshcert.faults;

import static dev.meshcert.faults.FaultyApiServer.watchThenDrop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.WatchEvent;
import dev.meshcert.kube.WatchHandle;
import dev.meshcert.mesh.workload.Workload;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pod watch whose stream drops in the middle of an event, or is refused: the listener is told (an
 * {@code Interrupted} event with the failure), what it already had is not taken back, and the watch
 * comes back on its own with the events that follow.
 */
class WatchFaultsTest {

  private static final String PODS = "/api/v1/namespaces/bookinfo/pods";
  private static final long WAIT_SECONDS = 20;

  private FaultyApiServer api;
  private final BlockingQueue<WatchEvent<Workload>> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() {
    api = new FaultyApiServer();
    api.seed(c -> c.resource(Pods.istio("bookinfo", "reviews-v1-abc")).create());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static String added(String name, String rv) {
    return "{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":"
        + "{\"name\":\""
        + name
        + "\",\"namespace\":\"bookinfo\",\"resourceVersion\":\""
        + rv
        + "\"}}}";
  }

  /** The next event of {@code type}, skipping others; fails after a generous wait. */
  private <E> E next(Class<E> type) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < end) {
      WatchEvent<Workload> e = events.poll(200, TimeUnit.MILLISECONDS);
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT_SECONDS + " s");
  }

  @Test
  void streamDroppedMidEventIsReportedThenTheWatchResumes() throws Exception {
    String half = added("ratings-v1-def", "900").substring(0, 60);
    api.onWatch(PODS, 1, watchThenDrop(added("details-v1-ghi", "800"), half));
    api.onWatch(PODS, 1, watchThenDrop(added("ratings-v1-def", "901")));
    try (ClusterSession s = api.session(Duration.ofSeconds(5));
        WatchHandle w = s.watchPods(NamespaceScope.of("bookinfo"), events::add)) {
      assertEquals(1, next(WatchEvent.Synced.class).items().size());
      assertEquals("details-v1-ghi", name(next(WatchEvent.Upserted.class)));
      WatchEvent.Interrupted<?> broken = next(WatchEvent.Interrupted.class);
      assertNotNull(broken.failure().title());
      assertEquals("ratings-v1-def", name(next(WatchEvent.Upserted.class)));
    }
  }

  @Test
  void refusedWatchIsReportedAsAServerErrorThenRetried() throws Exception {
    api.onWatch(PODS, 1, FaultyApiServer.status(500));
    api.onWatch(PODS, 1, watchThenDrop(added("ratings-v1-def", "901")));
    try (ClusterSession s = api.session(Duration.ofSeconds(5));
        WatchHandle w = s.watchPods(NamespaceScope.of("bookinfo"), events::add)) {
      next(WatchEvent.Synced.class);
      WatchEvent.Interrupted<?> broken = next(WatchEvent.Interrupted.class);
      assertInstanceOf(dev.meshcert.kube.KubeFailure.ServerError.class, broken.failure());
      assertEquals("ratings-v1-def", name(next(WatchEvent.Upserted.class)));
    }
  }

  private static String name(WatchEvent.Upserted<?> e) {
    return ((Workload) e.item()).name();
  }
}
