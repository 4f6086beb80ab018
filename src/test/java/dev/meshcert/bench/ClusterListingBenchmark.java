package dev.meshcert.bench;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.kube.config.KubeCluster;
import dev.meshcert.kube.config.KubeContext;
import dev.meshcert.kube.config.KubeUser;
import dev.meshcert.kube.config.ResolvedContext;
import dev.meshcert.kube.config.SecretText;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.workload.Workload;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Listing and classifying 5,000 pods in 200 namespaces: a loopback API server ({@link
 * SyntheticApiServer}) serves the pods in pages of 500, the namespaces, a PeerAuthentication per
 * namespace (STRICT, PERMISSIVE, DISABLE in turn, some with port-level settings) and an istiod; the
 * official client reads them through a real {@link ClusterSession}.
 *
 * <ul>
 *   <li>{@code scanAllNamespaces}: {@link MeshScanner#scan} of every namespace: HTTP, JSON, paging,
 *       conversion to mesh records, sidecar detection with evidence, PeerAuthentication resolution
 *       per workload and port. What the Cluster screen and {@code meshcert scan -A} wait for.
 *   <li>{@code classifyOnly}: the same snapshot recomputed from records already read (detection and
 *       resolution without I/O).
 *   <li>{@code oneWatchEvent}: one pod changed at 5,000 pods: what each live update costs off the
 *       FX thread.
 * </ul>
 *
 * <p>{@link #main} runs one scan and prints its time, the peak heap during it and the heap the
 * snapshot keeps: {@code java -cp ... dev.meshcert.bench.ClusterListingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClusterListingBenchmark {

  static final int PODS = 5_000;
  static final int NAMESPACES = 200;
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);

  private SyntheticApiServer server;
  private ClusterSession session;
  private MeshScanner scanner;
  private MeshSnapshot snapshot;
  private Workload changed;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = SyntheticApiServer.start(PODS, NAMESPACES);
    session = session(server.url());
    scanner = new MeshScanner(CLOCK);
    snapshot = scanner.scan(session, NamespaceScope.all(), Cancellation.none());
    if (snapshot.workloads().size() != PODS) {
      throw new IllegalStateException("expected " + PODS + " pods, read " + snapshot.pods().size());
    }
    changed = snapshot.pods().get(PODS / 2);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
    server.close();
  }

  @Benchmark
  public MeshSnapshot scanAllNamespaces() throws KubeException {
    return scanner.scan(session, NamespaceScope.all(), Cancellation.none());
  }

  @Benchmark
  public MeshSnapshot classifyOnly() {
    return snapshot.withPods(snapshot.pods(), CLOCK.instant());
  }

  @Benchmark
  public MeshSnapshot oneWatchEvent() {
    return snapshot.withPod(changed, CLOCK.instant());
  }

  static ClusterSession session(String url) throws KubeException {
    KubeCluster cluster =
        new KubeCluster(
            "bench",
            url,
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            Path.of("kubeconfig"));
    KubeUser user =
        new KubeUser(
            "bench",
            Optional.of(new SecretText("bench-token")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Path.of("kubeconfig"));
    return ClusterSession.open(
        new ResolvedContext(
            new KubeContext("bench", "bench", "bench", Optional.empty()), cluster, user, List.of()),
        SessionOptions.defaults());
  }

  /** One scan: time, peak heap during it, heap kept by the snapshot. */
  public static void main(String[] args) throws Exception {
    try (SyntheticApiServer server = SyntheticApiServer.start(PODS, NAMESPACES)) {
      ClusterSession session = session(server.url());
      MeshScanner scanner = new MeshScanner(CLOCK);
      for (int i = 0; i < 3; i++) {
        scanner.scan(session, NamespaceScope.all(), Cancellation.none());
      }
      long before = settledHeap();
      List<MemoryPoolMXBean> heap =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      MeshSnapshot s = scanner.scan(session, NamespaceScope.all(), Cancellation.none());
      long millis = (System.nanoTime() - start) / 1_000_000;
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      long kept = settledHeap() - before;
      System.out.printf(
          "%d pods in %d namespaces: scan %d ms, peak heap %d MB (sum of pool peaks), snapshot"
              + " keeps %d MB%n",
          s.workloads().size(), s.byNamespace().size(), millis, peak >> 20, kept >> 20);
      session.close();
    }
  }

  private static long settledHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
