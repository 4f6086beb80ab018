package dev.meshcert.ui.common;

/** A task handed to a {@link TaskRunner}. */
public interface TaskHandle {

  /** Cancels the task; none of its callbacks run afterwards. Harmless when already done. */
  void cancel();

  /** Whether it finished, failed or was cancelled. */
  boolean isDone();

  /** A handle for nothing running. */
  static TaskHandle done() {
    return new TaskHandle() {
      @Override
      public void cancel() {}

      @Override
      public boolean isDone() {
        return true;
      }
    };
  }
}
