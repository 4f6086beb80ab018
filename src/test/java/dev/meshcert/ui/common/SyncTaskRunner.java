package dev.meshcert.ui.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A task runner for tests. Immediate mode runs each task on the calling thread before {@code run}
 * returns. Deferred mode queues tasks until the test runs them, in any order, to play races out.
 */
public final class SyncTaskRunner implements TaskRunner {

  private final boolean deferred;
  private final boolean lateCancel;
  private final Deque<Pending<?>> pending = new ArrayDeque<>();
  private final List<String> titles = new ArrayList<>();

  private SyncTaskRunner(boolean deferred, boolean lateCancel) {
    this.deferred = deferred;
    this.lateCancel = lateCancel;
  }

  /** Runs each task at once. */
  public static SyncTaskRunner immediate() {
    return new SyncTaskRunner(false, false);
  }

  /** Queues tasks; cancelled ones are skipped. */
  public static SyncTaskRunner deferred() {
    return new SyncTaskRunner(true, false);
  }

  /**
   * Queues tasks and lets a cancelled task still deliver its result, as when a result is already on
   * its way to the FX thread when cancel is asked for.
   */
  public static SyncTaskRunner deferredWithLateCancel() {
    return new SyncTaskRunner(true, true);
  }

  @Override
  public <T> TaskHandle run(TaskSpec<T> task) {
    titles.add(task.title());
    Pending<T> p = new Pending<>(task);
    if (deferred) {
      pending.add(p);
    } else {
      p.execute();
    }
    return p;
  }

  /** Titles of every task started, in order. */
  public List<String> titles() {
    return List.copyOf(titles);
  }

  /** How many tasks wait. */
  public int pendingCount() {
    return pending.size();
  }

  /** Runs the oldest waiting task. */
  public void runNext() {
    pending.removeFirst().execute();
  }

  /** Runs the newest waiting task. */
  public void runLatest() {
    pending.removeLast().execute();
  }

  /** Runs waiting tasks, including those they start, until none is left. */
  public void runAll() {
    while (!pending.isEmpty()) {
      runNext();
    }
  }

  private final class Pending<T> implements TaskHandle {
    private final TaskSpec<T> task;
    private boolean cancelled;
    private boolean done;

    Pending(TaskSpec<T> task) {
      this.task = task;
    }

    void execute() {
      if (cancelled && !lateCancel) {
        done = true;
        return;
      }
      T result;
      try {
        result =
            task.work()
                .call(
                    new ProgressReporter() {
                      @Override
                      public void update(long d, long total, String message) {
                        task.onProgress().progress(total <= 0 ? -1 : (double) d / total, message);
                      }

                      @Override
                      public boolean isCancelled() {
                        return cancelled && !lateCancel;
                      }
                    });
      } catch (Exception e) {
        done = true;
        task.onFailure().accept(e);
        return;
      }
      done = true;
      task.onSuccess().accept(result);
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public boolean isDone() {
      return done || (cancelled && !lateCancel);
    }
  }
}
