package dev.meshcert.kube;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads for the blocking waits of the official client (port-forward opening). */
final class KubeThreads {

  private static final AtomicInteger COUNT = new AtomicInteger();

  /** Unbounded but idle threads die after a minute; bounded in practice by the scan's own pool. */
  static final ExecutorService BLOCKING =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "meshcert-kube-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private KubeThreads() {}
}
