package dev.meshcert.ui.common;

/**
 * Runs slow work off the FX thread and brings results back to it. Production: {@link FxTaskRunner};
 * tests use a synchronous runner.
 */
public interface TaskRunner {

  /** Starts the task; its callbacks run on the FX thread unless it is cancelled first. */
  <T> TaskHandle run(TaskSpec<T> task);
}
