package dev.meshcert.bench;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.SignatureVerifier;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.mesh.timeline.ExpiryTimeline;
import dev.meshcert.mesh.timeline.Timeline;
import dev.meshcert.mesh.trust.TrustGrouping;
import dev.meshcert.mesh.trust.TrustView;
import dev.meshcert.mesh.trust.WorkloadChain;
import dev.meshcert.testpki.TestPki;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Mesh screen's models over 5,000 certificates: 4,998 workloads in the middle of a root
 * rotation (80% on the new root, 20% still on the old one; most hold both roots, one in twenty only
 * the old), each serving its leaf and its root, plus the two roots.
 *
 * <ul>
 *   <li>{@code groupCold}: trust grouping with a new signature cache, so every leaf's signature is
 *       verified once (the first time a scan or snapshot is shown).
 *   <li>{@code groupWarm}: the same with the session's cache (regrouping, a rescan of the same
 *       certificates).
 *   <li>{@code timeline}: the expiry timeline (one bar per distinct certificate, rotation points).
 * </ul>
 *
 * <p>Run: {@code bench/jmh.sh MeshViewsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class MeshViewsBenchmark {

  static final int WORKLOADS = 4_998;

  private List<WorkloadChain> workloads;
  private List<CertificateFacts> meshRoots;
  private SignatureVerifier warm;
  private final ExpiryTimeline timeline = new ExpiryTimeline(ExpiryPolicy.DEFAULT);

  @Setup
  public void build() {
    workloads = workloads(WORKLOADS);
    CertificateFacts newest = workloads.get(0).chain().get(1);
    meshRoots = List.of(newest);
    warm = new SignatureVerifier();
    TrustView view = new TrustGrouping(warm).group(workloads, meshRoots);
    int certificates = timeline.build(workloads, TestPki.NOW).bars().size();
    if (certificates != WORKLOADS + 2 || view.stragglers().isEmpty()) {
      throw new IllegalStateException(certificates + " certificates");
    }
  }

  /**
   * {@code count} workloads of a rotation, leaves signed with one shared key to keep setup short.
   */
  static List<WorkloadChain> workloads(int count) {
    TestPki pki = new TestPki();
    TestPki.Issued oldRoot =
        pki.root("O=cluster.local")
            .validity(
                TestPki.NOW.minus(Duration.ofDays(730)), TestPki.NOW.plus(Duration.ofDays(2920)))
            .issue();
    TestPki.Issued newRoot = pki.root("O=cluster.local").issue();
    CertificateFacts oldFacts = oldRoot.facts();
    CertificateFacts newFacts = newRoot.facts();
    KeyPair leafKey = TestPki.keyPair("EC");
    List<WorkloadChain> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean late = i % 5 == 4;
      TestPki.Issued root = late ? oldRoot : newRoot;
      CertificateFacts leaf =
          pki.leaf(root)
              .keyPair(leafKey)
              .uriSan("spiffe://cluster.local/ns/ns" + (i % 50) + "/sa/workload-" + i)
              .validity(
                  TestPki.NOW.minus(Duration.ofMinutes(i % 1440)),
                  TestPki.NOW.minus(Duration.ofMinutes(i % 1440)).plus(Duration.ofHours(24)))
              .issue()
              .facts();
      List<CertificateFacts> bundle =
          i % 20 == 19 ? List.of(oldFacts) : List.of(newFacts, oldFacts);
      out.add(
          new WorkloadChain(
              "ns" + (i % 50) + "/workload-" + i,
              List.of(leaf, late ? oldFacts : newFacts),
              bundle,
              "bench"));
    }
    return out;
  }

  @Benchmark
  public TrustView groupCold() {
    return new TrustGrouping(new SignatureVerifier()).group(workloads, meshRoots);
  }

  @Benchmark
  public TrustView groupWarm() {
    return new TrustGrouping(warm).group(workloads, meshRoots);
  }

  @Benchmark
  public Timeline timeline() {
    return timeline.build(workloads, TestPki.NOW);
  }
}
