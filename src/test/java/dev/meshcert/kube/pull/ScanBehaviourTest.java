package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scanning many pods: bounded parallelism, progress, a pod that times out, cancel. */
class ScanBehaviourTest {

  private static final int PODS = 6;
  private MockMesh mesh;
  private AdminServer envoy;

  @BeforeEach
  void start() throws Exception {
    mesh = new MockMesh();
    envoy = new AdminServer(Corpus.bytes(Corpus.SIDECAR_DUMP), false, Duration.ofMillis(300));
    mesh.seed(
        c -> {
          c.namespaces().resource(Pods.namespace("ambient")).create();
          for (int i = 0; i < PODS; i++) {
            c.pods()
                .inNamespace("ambient")
                .resource(Pods.istioSidecar("ambient", "p" + i, "namespace-istio-waypoint"))
                .create();
          }
        });
    for (int i = 0; i < PODS; i++) {
      mesh.forward("ambient/p" + i, 15000, new MockMesh.Forward.Relay(envoy.address()));
    }
  }

  @AfterEach
  void stop() {
    envoy.close();
    mesh.close();
  }

  private ScanResult scan(ScanOptions options, ScanListener listener, Cancellation cancel)
      throws Exception {
    try (ClusterSession session = mesh.session(Duration.ofSeconds(10))) {
      return new MeshCertificateScanner(TestPki.CLOCK)
          .scan(session, new ScanTarget.Namespace("ambient"), options, listener, cancel);
    }
  }

  @Test
  void noMorePodsArePulledAtOnceThanTheParallelism() throws Exception {
    ScanResult result =
        scan(
            ScanOptions.defaults(TestPki.CLOCK).withParallelism(2),
            ScanListener.none(),
            Cancellation.none());

    assertEquals(Map.of(PullStatus.PULLED, PODS), result.counts());
    assertEquals(2, envoy.maxInFlight());
  }

  @Test
  void progressCountsEveryPodToTheTotal() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    ScanListener listener =
        new ScanListener() {
          @Override
          public void started(int total) {
            events.add("started " + total);
          }

          @Override
          public void podFinished(PodPull result, int done, int total) {
            events.add(done + "/" + total);
          }
        };

    scan(ScanOptions.defaults(TestPki.CLOCK).withParallelism(3), listener, Cancellation.none());

    assertEquals(List.of("started 6", "1/6", "2/6", "3/6", "4/6", "5/6", "6/6"), events);
  }

  @Test
  void podThatDoesNotAnswerTimesOutAndTheOthersAreKept() throws Exception {
    mesh.forward("ambient/p3", 15000, new MockMesh.Forward.Silent());

    ScanResult result =
        scan(
            ScanOptions.defaults(TestPki.CLOCK).withPodTimeout(Duration.ofSeconds(2)),
            ScanListener.none(),
            Cancellation.none());

    PodPull slow = result.pod("ambient/p3").orElseThrow();
    assertEquals(PullStatus.TIMED_OUT, slow.status());
    assertTrue(
        slow.reason().orElseThrow().startsWith("no answer within 2 s"),
        slow.reason().orElseThrow());
    assertEquals(PODS - 1, result.pulled().size());
  }

  @Test
  void cancelKeepsWhatWasPulledAndMarksTheRest() throws Exception {
    Cancellation cancel = new Cancellation();
    ScanListener cancelAfterTwo =
        new ScanListener() {
          @Override
          public void podFinished(PodPull result, int done, int total) {
            if (done == 2) {
              cancel.cancel();
            }
          }
        };

    ScanResult result =
        scan(ScanOptions.defaults(TestPki.CLOCK).withParallelism(1), cancelAfterTwo, cancel);

    assertTrue(result.cancelled());
    assertEquals(Map.of(PullStatus.PULLED, 2, PullStatus.CANCELLED, PODS - 2), result.counts());
    assertEquals(
        List.of("ambient/p0", "ambient/p1"), result.pulled().stream().map(PodPull::ref).toList());
  }
}
