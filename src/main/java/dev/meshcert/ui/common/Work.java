package dev.meshcert.ui.common;

/**
 * Slow work run off the FX thread. It must not touch the scene graph or observable state, and it
 * returns an immutable result.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface Work<T> {

  /**
   * Does the work.
   *
   * @param progress where to report progress and to ask whether the work was cancelled
   */
  T call(ProgressReporter progress) throws Exception;
}
