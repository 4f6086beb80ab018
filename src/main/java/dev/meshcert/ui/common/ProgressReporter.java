package dev.meshcert.ui.common;

/** What running work uses to report progress; callable from any thread. */
public interface ProgressReporter {

  /**
   * Reports progress.
   *
   * @param done units done so far
   * @param total units in all, or a negative number when unknown
   * @param message what is being done now, for the status bar
   */
  void update(long done, long total, String message);

  /** Whether the work was cancelled and should stop early. */
  boolean isCancelled();

  /** A reporter that ignores progress and is never cancelled. */
  static ProgressReporter none() {
    return new ProgressReporter() {
      @Override
      public void update(long done, long total, String message) {}

      @Override
      public boolean isCancelled() {
        return false;
      }
    };
  }
}
