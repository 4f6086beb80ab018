package dev.meshcert.kube.demo;

import dev.meshcert.kube.WatchEvent;
import dev.meshcert.kube.WatchHandle;
import dev.meshcert.kube.WatchListener;

/** A watch of the static demo: reports the state once, on its own thread, like a live watch. */
final class DemoWatch implements WatchHandle {

  private volatile boolean running = true;

  static <T> DemoWatch start(WatchEvent.Synced<T> state, WatchListener<T> listener) {
    DemoWatch w = new DemoWatch();
    Thread t =
        new Thread(
            () -> {
              synchronized (w) {
                if (w.running) {
                  listener.onEvent(state);
                }
              }
            },
            "meshcert-watch-demo");
    t.setDaemon(true);
    t.start();
    return w;
  }

  @Override
  public synchronized void close() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
