package dev.meshcert.bench;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.pull.MeshCertificateScanner;
import dev.meshcert.kube.pull.PullStatus;
import dev.meshcert.kube.pull.ScanListener;
import dev.meshcert.kube.pull.ScanOptions;
import dev.meshcert.kube.pull.ScanResult;
import dev.meshcert.kube.pull.ScanTarget;
import dev.meshcert.kube.pull.SidecarFleet;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5's scan benchmark: {@link SidecarFleet#SIZE} Istio sidecars behind the fabric8 mock API
 * server with 20 ms added to every API round trip (each HTTP answer, each WebSocket upgrade, each
 * request relayed through a port-forward), each port-forward relayed to a real local Envoy-admin
 * stand-in serving a real config_dump with its own workload certificate. One scan = list the mesh,
 * read the roots, pull and judge every pod.
 *
 * <ul>
 *   <li>{@code scan} with {@code parallelism} 32: the full scan (target within 10 s).
 *   <li>{@code scan} with {@code parallelism} 1: the same scan one pod at a time (target: at least
 *       ten times slower).
 * </ul>
 *
 * The fork runs with {@code -Xmx400m} (mock server, relays and servers included), and after every
 * iteration the peak heap use of the fork (the sum of the heap pools' peaks: an upper bound), the
 * CPU time the whole fork used (scanner, mock API server and relays together) and the load average
 * are printed. Run with {@code bench/jmh.sh MeshScanBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx400m"})
public class MeshScanBenchmark {

  @Param({"32", "1"})
  public int parallelism;

  private SidecarFleet fleet;
  private ClusterSession session;

  @Setup(Level.Trial)
  public void start() throws Exception {
    fleet = SidecarFleet.start(Duration.ofMillis(20));
    session = fleet.session();
  }

  private long cpuAtStart;

  @Setup(Level.Iteration)
  public void resetPeak() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    cpuAtStart = processCpuNanos();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Benchmark
  public ScanResult scan() throws Exception {
    ScanResult result =
        new MeshCertificateScanner(Clock.systemUTC())
            .scan(
                session,
                new ScanTarget.Namespace(SidecarFleet.NAMESPACE),
                ScanOptions.defaults(Clock.systemUTC())
                    .withParallelism(parallelism)
                    .withPodTimeout(Duration.ofSeconds(60)),
                ScanListener.none(),
                Cancellation.none());
    int pulled = result.counts().getOrDefault(PullStatus.PULLED, 0);
    if (pulled != SidecarFleet.SIZE) {
      throw new IllegalStateException("only " + pulled + " pods pulled: " + result.counts());
    }
    return result;
  }

  @TearDown(Level.Iteration)
  public void printPeak() {
    long peak =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum();
    long cpu = processCpuNanos() - cpuAtStart;
    System.out.printf(
        "%n  peak heap MB (parallelism %d): %d, process CPU s: %.1f, load: %.1f%n",
        parallelism,
        peak >> 20,
        cpu / 1e9,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  @TearDown(Level.Trial)
  public void stop() {
    session.close();
    fleet.close();
  }
}
