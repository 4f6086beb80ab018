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
  private Runnable parentHook;

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

  /**
   * A cancellation for part of this work (one pod of a scan): cancelled when this one is, and
   * cancellable on its own without cancelling this one. Call {@link #release(Cancellation)} when
   * the part is done.
   */
  public Cancellation child() {
    Cancellation child = new Cancellation();
    child.parentHook = child::cancel;
    onCancel(child.parentHook);
    return child;
  }

  /** Forgets a {@link #child()} that finished, so it is not kept until this one ends. */
  public void release(Cancellation child) {
    if (child.parentHook != null) {
      remove(child.parentHook);
    }
  }

  /** Runs {@code hook} on cancel (at once if already cancelled), until {@link #remove}. */
  public void onCancel(Runnable hook) {
    hooks.add(hook);
    if (cancelled) {
      hook.run();
    }
  }

  /** Forgets a hook given to {@link #onCancel}. */
  public void remove(Runnable hook) {
    hooks.remove(hook);
  }
}
