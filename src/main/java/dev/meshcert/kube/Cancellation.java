package dev.meshcert.kube;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;

/**
 * Cancels the calls of one piece of work: closing a view or switching context cancels its
 * cancellation, which aborts the HTTP calls in flight; later calls fail at once with {@link
 * KubeFailure.Cancelled}. Thread-safe.
 */
public final class Cancellation {

  private final Set<Call> active = ConcurrentHashMap.newKeySet();
  private final Set<Runnable> hooks = ConcurrentHashMap.newKeySet();
  private volatile boolean cancelled;

  /** A cancellation nobody cancels (for the CLI and tests). */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Cancels every call in flight and every later one. */
  public void cancel() {
    cancelled = true;
    active.forEach(Call::cancel);
    hooks.forEach(Runnable::run);
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  void register(Call call) {
    active.add(call);
    if (cancelled) {
      call.cancel();
    }
  }

  void unregister(Call call) {
    active.remove(call);
  }

  /** Runs {@code hook} on cancel (at once if already cancelled), until {@link #remove}. */
  void onCancel(Runnable hook) {
    hooks.add(hook);
    if (cancelled) {
      hook.run();
    }
  }

  void remove(Runnable hook) {
    hooks.remove(hook);
  }
}
