package dev.meshcert.bench;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.kube.demo.DemoEndpoints;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.probe.ClientIdentity;
import dev.meshcert.probe.CurlOutput;
import dev.meshcert.probe.DemoMeshServers;
import dev.meshcert.probe.Experiment;
import dev.meshcert.probe.ProbeMatrix;
import dev.meshcert.probe.ProbeResult;
import dev.meshcert.probe.ProbeTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a probe costs on its own, without a network in the way:
 *
 * <ul>
 *   <li>{@code matrixAgainstStrictDemoServer}: the three experiments (two full TLS 1.3 handshakes,
 *       one with a client certificate, ECDSA P-256) against the demo mesh's STRICT loopback server
 *       for bookinfo reviews, with the productpage identity and the demo roots.
 *   <li>{@code parseCurlTranscript}: reading a captured {@code curl -v} mTLS transcript (what an
 *       in-pod probe parses per experiment).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProbeBenchmark {
  private DemoCluster demo;
  private ProbeTarget target;
  private ClientIdentity identity;
  private DemoMeshServers servers;
  private java.util.List<java.security.cert.X509Certificate> roots;
  private String curl;

  @Setup
  public void setUp() throws Exception {
    demo = DemoCluster.create(Clock.systemUTC());
    servers = new DemoMeshServers(demo);
    roots = demo.endpoints().roots();
    Workload reviews = pod("bookinfo/reviews-v1");
    Workload productpage = pod("bookinfo/productpage");
    InetSocketAddress a = servers.address(reviews, 9080).orElseThrow();
    target =
        new ProbeTarget(
            a.getHostString(),
            a.getPort(),
            Optional.of("reviews.bookinfo"),
            "/headers",
            Optional.empty(),
            Duration.ofSeconds(3),
            Duration.ofSeconds(5));
    DemoEndpoints.DemoIdentity id = demo.endpoints().identity(productpage).orElseThrow();
    identity = new ClientIdentity(id.key(), id.chain());
    try (InputStream in = ProbeBenchmark.class.getResourceAsStream("/probe/curl/mtls-ok.txt")) {
      curl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Workload pod(String prefix) throws Exception {
    return demo.pods(NamespaceScope.all(), Cancellation.none()).stream()
        .filter(p -> p.ref().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new IOException("no demo pod " + prefix));
  }

  @TearDown
  public void tearDown() {
    servers.close();
    demo.close();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ProbeMatrix.Result matrixAgainstStrictDemoServer() {
    return ProbeMatrix.run(target, Optional.of(identity), roots, Clock.systemUTC());
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ProbeResult parseCurlTranscript() {
    return CurlOutput.parse(curl, 0, Experiment.TLS_WITH_IDENTITY, target, true);
  }
}
