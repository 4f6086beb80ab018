package dev.meshcert.kube;

/** A running watch. Closing it stops the background thread and aborts the stream. */
public interface WatchHandle extends AutoCloseable {

  /** Stops watching; no event is delivered after this returns. Idempotent. */
  @Override
  void close();

  /** Whether it is still watching. */
  boolean isRunning();
}
