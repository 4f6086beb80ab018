package dev.meshcert.ui.common;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work as {@link javafx.concurrent.Task}s on a bounded pool of named daemon threads. Close it
 * when the application exits.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

  private final ExecutorService executor;
  private BiConsumer<String, Duration> finished = (title, took) -> {};

  /**
   * @param threads how many tasks run at once; more wait in a queue
   */
  public FxTaskRunner(int threads) {
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new NamedDaemonThreads("meshcert-worker"));
    ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
  }

  /**
   * Called on the FX thread when a task succeeds or fails (not when cancelled), with its title and
   * how long it ran: the window notifies about long work with it.
   */
  public void onFinished(BiConsumer<String, Duration> listener) {
    this.finished = listener;
  }

  @Override
  public <T> TaskHandle run(TaskSpec<T> spec) {
    FxTask<T> task = new FxTask<>(spec);
    long started = System.nanoTime();
    // Our own flag: a Task cancelled from another thread may still report FAILED first.
    AtomicBoolean cancelled = new AtomicBoolean();
    task.progressProperty()
        .addListener(
            (o, a, b) -> {
              if (!cancelled.get()) {
                spec.onProgress().progress(b.doubleValue(), task.getMessage());
              }
            });
    task.messageProperty()
        .addListener(
            (o, a, b) -> {
              if (!cancelled.get()) {
                spec.onProgress().progress(task.getProgress(), b);
              }
            });
    task.setOnSucceeded(
        e -> {
          if (!cancelled.get()) {
            spec.onSuccess().accept(task.getValue());
            finished.accept(spec.title(), Duration.ofNanos(System.nanoTime() - started));
          }
        });
    task.setOnFailed(
        e -> {
          if (!cancelled.get()) {
            LOG.debug("task '{}' failed", spec.title(), task.getException());
            spec.onFailure().accept(task.getException());
            finished.accept(spec.title(), Duration.ofNanos(System.nanoTime() - started));
          }
        });
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // Closed: the window is going away (a file handed by a second launch can arrive just then).
      LOG.debug("task '{}' not started: the runner is closed", spec.title());
      cancelled.set(true);
    }
    return new TaskHandle() {
      @Override
      public void cancel() {
        cancelled.set(true);
        task.cancel(true);
      }

      @Override
      public boolean isDone() {
        return cancelled.get() || task.isDone();
      }
    };
  }

  /** Stops the pool; running work is interrupted, and work given afterwards is not started. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static final class FxTask<T> extends Task<T> {
    private final TaskSpec<T> spec;

    FxTask(TaskSpec<T> spec) {
      this.spec = spec;
      updateTitle(spec.title());
    }

    @Override
    protected T call() throws Exception {
      return spec.work()
          .call(
              new ProgressReporter() {
                @Override
                public void update(long done, long total, String message) {
                  if (total < 0) {
                    updateProgress(-1, 1);
                  } else {
                    updateProgress(done, total);
                  }
                  updateMessage(message);
                }

                @Override
                public boolean isCancelled() {
                  return FxTask.this.isCancelled();
                }
              });
    }
  }

  private static final class NamedDaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    NamedDaemonThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
