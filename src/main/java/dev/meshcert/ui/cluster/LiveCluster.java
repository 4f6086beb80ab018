package dev.meshcert.ui.cluster;

import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.WatchEvent;
import dev.meshcert.kube.WatchHandle;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.ui.common.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open context's live state: the snapshot of a scope, kept current by a pod watch and
 * PeerAuthentication watches (the scope's and the root namespace's). Events are applied on the
 * watch threads, so the FX thread never re-analyses; the newest snapshot is made a {@link
 * ClusterPicture} on {@code painter} and handed to the FX thread through {@code fxThread}, bursts
 * of events coalesced into one picture. A dropped watch is re-established by the watch itself
 * (re-list when events may have been missed); meanwhile the last snapshot stays on screen.
 * Thread-safe.
 */
final class LiveCluster implements AutoCloseable {

  /** Receives changes on the FX thread. */
  interface Listener {

    /** A newer picture of {@code source}. */
    void changed(LiveCluster source, ClusterPicture picture);

    /** A watch of {@code source} broke and is retried after {@code retryIn}. */
    void interrupted(LiveCluster source, KubeFailure failure, Duration retryIn);
  }

  /** One daemon thread for every open context's pictures: they are small and never block. */
  static final Executor PAINTER =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "meshcert-cluster-painter");
            t.setDaemon(true);
            return t;
          });

  private final ContextChoice choice;
  private final ClusterConnection connection;
  private final NamespaceScope scope;
  private final Clock clock;
  private final Executor fxThread;
  private final Executor painter;
  private final Messages messages;
  private final List<WatchHandle> watches = new ArrayList<>();

  /**
   * Serialises the watches' events. The FX thread never takes it: it reads {@link #snapshot}, so it
   * never waits while a watch thread analyses a thousand pods.
   */
  private final Object applying = new Object();

  /** Serialises the pictures, so each is compared with the one before it. */
  private final Object painting = new Object();

  private final AtomicBoolean deliveryPending = new AtomicBoolean();
  private volatile MeshSnapshot snapshot;
  private volatile ClusterPicture picture;
  private volatile boolean closed;
  private Listener listener;

  LiveCluster(
      ContextChoice choice,
      ClusterConnection connection,
      NamespaceScope scope,
      ClusterPicture first,
      Clock clock,
      Executor fxThread,
      Executor painter,
      Messages messages) {
    this.choice = choice;
    this.connection = connection;
    this.scope = scope;
    this.snapshot = first.snapshot();
    this.picture = first;
    this.clock = clock;
    this.fxThread = fxThread;
    this.painter = painter;
    this.messages = messages;
  }

  ContextChoice choice() {
    return choice;
  }

  ClusterConnection connection() {
    return connection;
  }

  NamespaceScope scope() {
    return scope;
  }

  MeshSnapshot snapshot() {
    return snapshot;
  }

  /** The newest picture made (it may still be on its way to the FX thread). */
  ClusterPicture picture() {
    return picture;
  }

  /**
   * Starts the watches {@code delay} from now; {@code to} hears about every change until {@link
   * #close()}. The watches resume from the scan's lists (their resourceVersion), so no event is
   * missed meanwhile; starting them a moment after the rows are shown keeps their first sync, which
   * analyses every pod again on both cores, out of the pulse that lays out and paints the first
   * rows.
   */
  void start(Listener to, Duration delay) {
    this.listener = to;
    if (delay.isZero()) {
      startWatches();
      return;
    }
    Executor starter =
        r -> {
          Thread t = new Thread(r, "meshcert-watch-start");
          t.setDaemon(true);
          t.start();
        };
    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, starter)
        .execute(this::startWatches);
  }

  private void startWatches() {
    synchronized (watches) {
      if (closed) {
        return;
      }
      watches.add(connection.watchPods(scope, this::onPods));
      for (NamespaceScope s : policyScopes()) {
        watches.add(connection.watchPeerAuthentications(s, e -> onPolicies(s, e)));
      }
    }
  }

  /** The scope's policies decide per namespace, the root namespace's mesh-wide. */
  private List<NamespaceScope> policyScopes() {
    String root = snapshot().rootNamespace();
    return scope.covers(root) ? List.of(scope) : List.of(scope, NamespaceScope.of(root));
  }

  private void onPods(WatchEvent<Workload> event) {
    if (event instanceof WatchEvent.Interrupted<Workload> i) {
      interrupted(i.failure(), i.retryIn());
      return;
    }
    synchronized (applying) {
      MeshSnapshot s = snapshot;
      if (event instanceof WatchEvent.Synced<Workload> synced) {
        snapshot = s.withPods(synced.items(), clock.instant());
      } else if (event instanceof WatchEvent.Upserted<Workload> u) {
        snapshot = s.withPod(u.item(), clock.instant());
      } else if (event instanceof WatchEvent.Deleted<Workload> d) {
        snapshot = s.withoutPod(d.item().ref(), clock.instant());
      }
    }
    scheduleDelivery();
  }

  private void onPolicies(NamespaceScope watched, WatchEvent<ParsedPeerAuthentication> event) {
    if (event instanceof WatchEvent.Interrupted<ParsedPeerAuthentication> i) {
      interrupted(i.failure(), i.retryIn());
      return;
    }
    synchronized (applying) {
      List<ParsedPeerAuthentication> policies = new ArrayList<>(snapshot.policies());
      if (event instanceof WatchEvent.Synced<ParsedPeerAuthentication> s) {
        policies.removeIf(p -> watched.covers(p.ref().namespace()));
        policies.addAll(s.items());
      } else if (event instanceof WatchEvent.Upserted<ParsedPeerAuthentication> u) {
        policies.removeIf(p -> p.ref().equals(u.item().ref()));
        policies.add(u.item());
      } else if (event instanceof WatchEvent.Deleted<ParsedPeerAuthentication> d) {
        policies.removeIf(p -> p.ref().equals(d.item().ref()));
      }
      snapshot = snapshot.withPolicies(policies, clock.instant());
    }
    scheduleDelivery();
  }

  /** One picture in the making at a time; it is made of the newest snapshot. */
  private void scheduleDelivery() {
    if (!closed && deliveryPending.compareAndSet(false, true)) {
      painter.execute(this::paint);
    }
  }

  /** Clears the flag before reading: a snapshot set after the read schedules another picture. */
  private void paint() {
    deliveryPending.set(false);
    if (closed) {
      return;
    }
    ClusterPicture p;
    synchronized (painting) {
      p = ClusterPicture.of(snapshot, picture, messages);
      picture = p;
    }
    fxThread.execute(() -> deliver(p));
  }

  /** Hands {@code p} over unless a newer picture is already on its way. */
  private void deliver(ClusterPicture p) {
    if (!closed && p == picture) {
      listener.changed(this, p);
    }
  }

  private void interrupted(KubeFailure failure, Duration retryIn) {
    if (!closed) {
      fxThread.execute(
          () -> {
            if (!closed) {
              listener.interrupted(this, failure, retryIn);
            }
          });
    }
  }

  /** Stops the watches; nothing is delivered afterwards. The connection stays open. */
  @Override
  public void close() {
    closed = true;
    synchronized (watches) {
      watches.forEach(WatchHandle::close);
      watches.clear();
    }
  }
}
