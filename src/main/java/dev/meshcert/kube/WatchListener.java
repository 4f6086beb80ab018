package dev.meshcert.kube;

/**
 * Receives watch events, on the watch's own background thread: a UI must hand them to its own
 * thread. Must not block for long.
 *
 * @param <T> the watched record type
 */
@FunctionalInterface
public interface WatchListener<T> {

  /** Called for every event, in order. */
  void onEvent(WatchEvent<T> event);
}
