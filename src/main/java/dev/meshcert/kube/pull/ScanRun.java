package dev.meshcert.kube.pull;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One scan's pulls: at most {@code parallelism} pods at once on daemon threads of its own, each
 * with its own cancellation that its timeout (or the scan's cancel) fires. Pods are reported to the
 * listener as they finish; on cancel the pods not reached are {@link PullStatus#CANCELLED}.
 */
final class ScanRun {

  /** How long a cancelled scan waits for pods in flight to notice before returning without them. */
  static final Duration CANCEL_GRACE = Duration.ofSeconds(2);

  private final ClusterConnection cluster;
  private final PodAccess access;
  private final MeshSnapshot mesh;
  private final List<MeshRoot> roots;
  private final ScanOptions options;
  private final ScanListener listener;
  private final Cancellation cancel;
  private final PodPuller puller;
  private final ZtunnelDumps ztunnels;
  private final PeerChainHandshake handshake;

  ScanRun(
      ClusterConnection cluster,
      PodAccess access,
      MeshSnapshot mesh,
      List<MeshRoot> roots,
      ScanOptions options,
      ScanListener listener,
      Cancellation cancel,
      PeerChainHandshake handshake) {
    this.handshake = handshake;
    this.cluster = cluster;
    this.access = access;
    this.mesh = mesh;
    this.roots = roots;
    this.options = options;
    this.listener = listener;
    this.cancel = cancel;
    this.puller = new PodPuller(new Verdicts(), options.clock());
    this.ztunnels = new ZtunnelDumps(access, cancel, options.podTimeout());
  }

  List<PodPull> pull(List<WorkloadStatus> pods) {
    int total = pods.size();
    listener.started(total);
    AtomicReferenceArray<PodPull> results = new AtomicReferenceArray<>(total);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger threadCount = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(options.parallelism(), Math.max(1, total)),
            r -> daemon(r, "meshcert-scan-" + threadCount.incrementAndGet()));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "meshcert-scan-timer"));
    try {
      for (int i = 0; i < total; i++) {
        int index = i;
        pool.execute(() -> results.set(index, one(pods.get(index), timer, done, total)));
      }
      pool.shutdown();
      awaitAll(pool);
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
    List<PodPull> out = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      PodPull r = results.get(i);
      out.add(r != null ? r : cancelled(pods.get(i), "the scan was cancelled before this pod"));
    }
    return out;
  }

  private PodPull one(
      WorkloadStatus status, ScheduledExecutorService timer, AtomicInteger done, int total) {
    if (cancel.isCancelled()) {
      return cancelled(status, "the scan was cancelled before this pod");
    }
    listener.podStarted(status.pod().ref(), done.get(), total);
    Cancellation podCancel = cancel.child();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        timer.schedule(
            () -> {
              timedOut.set(true);
              podCancel.cancel();
            },
            options.podTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    PodPull result;
    try {
      result =
          puller.pull(
              new PodContext(cluster, access, status, podCancel, ztunnels, handshake),
              RootsReader.forPod(status, roots, mesh));
    } catch (RuntimeException e) {
      result = failed(status, PullStatus.FAILED, "unexpected error: " + e, List.of());
    } finally {
      deadline.cancel(false);
      cancel.release(podCancel);
    }
    if (result.status() != PullStatus.PULLED && result.status() != PullStatus.SKIPPED) {
      if (timedOut.get()) {
        result =
            failed(
                status,
                PullStatus.TIMED_OUT,
                "no answer within "
                    + options.podTimeout().toSeconds()
                    + " s"
                    + (result.attempts().isEmpty()
                        ? ""
                        : " ("
                            + PodPuller.reason(result.attempts(), result.missingPermission())
                            + ")"),
                result.attempts());
      } else if (cancel.isCancelled()) {
        result = failed(status, PullStatus.CANCELLED, "the scan was cancelled", result.attempts());
      }
    }
    synchronized (done) {
      // counted and reported under one lock, so the listener hears 1, 2, 3 ... in order
      listener.podFinished(result, done.incrementAndGet(), total);
    }
    return result;
  }

  private void awaitAll(ExecutorService pool) {
    try {
      while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
        if (cancel.isCancelled()) {
          pool.awaitTermination(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel.cancel();
    }
  }

  private static PodPull cancelled(WorkloadStatus status, String why) {
    return failed(status, PullStatus.CANCELLED, why, List.of());
  }

  private static PodPull failed(
      WorkloadStatus status, PullStatus how, String why, List<Attempt> attempts) {
    List<String> missing = new ArrayList<>();
    attempts.stream()
        .flatMap(a -> a.failure().stream())
        .filter(f -> f instanceof dev.meshcert.kube.KubeFailure.Forbidden)
        .map(f -> ((dev.meshcert.kube.KubeFailure.Forbidden) f).operation())
        .map(op -> op.verb() + " " + op.resource())
        .distinct()
        .forEach(missing::add);
    return new PodPull(
        status.pod(),
        status.dataPlane().primary(),
        how,
        attempts,
        Optional.empty(),
        Optional.empty(),
        Optional.of(why),
        missing,
        Duration.ZERO);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
