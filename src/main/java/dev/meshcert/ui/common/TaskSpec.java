package dev.meshcert.ui.common;

import java.util.function.Consumer;

/**
 * A piece of slow work and what to do with its outcome. Callbacks run on the FX thread (in tests:
 * on the caller's thread). Build with {@link #of} and the {@code on...} methods, each of which
 * returns a copy.
 *
 * @param title a short description for logs and the status bar
 * @param work the work, run off the FX thread
 * @param onSuccess receives the result
 * @param onFailure receives the exception the work threw
 * @param onProgress receives progress reports
 * @param <T> the result type
 */
public record TaskSpec<T>(
    String title,
    Work<T> work,
    Consumer<? super T> onSuccess,
    Consumer<Throwable> onFailure,
    ProgressListener onProgress) {

  /** A task with callbacks that do nothing. */
  public static <T> TaskSpec<T> of(String title, Work<T> work) {
    return new TaskSpec<>(title, work, r -> {}, e -> {}, (f, m) -> {});
  }

  public TaskSpec<T> onSuccess(Consumer<? super T> callback) {
    return new TaskSpec<>(title, work, callback, onFailure, onProgress);
  }

  public TaskSpec<T> onFailure(Consumer<Throwable> callback) {
    return new TaskSpec<>(title, work, onSuccess, callback, onProgress);
  }

  public TaskSpec<T> onProgress(ProgressListener callback) {
    return new TaskSpec<>(title, work, onSuccess, onFailure, callback);
  }

  /** Receives progress on the FX thread. */
  @FunctionalInterface
  public interface ProgressListener {

    /**
     * @param fraction between 0 and 1, or -1 when unknown
     * @param message what is being done now
     */
    void progress(double fraction, String message);
  }
}
