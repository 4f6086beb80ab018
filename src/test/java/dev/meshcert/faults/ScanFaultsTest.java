package dev.meshcert.faults;

import static dev.meshcert.faults.FaultyApiServer.status;
import static dev.meshcert.faults.FaultyApiServer.tooManyRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A scan against an API server that is slow, fails or throttles: the scan says which call failed
 * and why, keeps what the other calls returned, and the same session works again afterwards.
 */
class ScanFaultsTest {

  private static final String PODS = "/api/v1/namespaces/bookinfo/pods";
  private static final String POLICIES =
      "/apis/security.istio.io/v1/namespaces/bookinfo/peerauthentications";

  private FaultyApiServer api;

  @BeforeEach
  void start() {
    api = new FaultyApiServer();
    api.seed(
        c -> {
          c.resource(Pods.istio("bookinfo", "reviews-v1-abc")).create();
          c.resource(Pods.istio("bookinfo", "ratings-v1-def")).create();
        });
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private MeshSnapshot scan(ClusterSession s) throws KubeException {
    return new MeshScanner(TestPki.CLOCK)
        .scan(s, NamespaceScope.of("bookinfo"), Cancellation.none());
  }

  @Test
  void podListSlowerThanTheTimeoutIsATimeoutNamingTheCall() throws Exception {
    api.on(PODS, 1, api.slowly(Duration.ofSeconds(4)));
    try (ClusterSession s = api.session(Duration.ofSeconds(1))) {
      KubeException e = assertThrows(KubeException.class, () -> scan(s));
      KubeFailure.Timeout t = assertInstanceOf(KubeFailure.Timeout.class, e.failure());
      assertEquals("pods", t.operation().resource());
    }
  }

  @Test
  void sessionScansAgainAfterATimeout() throws Exception {
    api.on(PODS, 1, api.slowly(Duration.ofSeconds(4)));
    try (ClusterSession s = api.session(Duration.ofSeconds(1))) {
      assertThrows(KubeException.class, () -> scan(s));
      assertEquals(2, scan(s).workloads().size());
    }
  }

  @Test
  void slowAnswerWithinTheTimeoutIsWaitedFor() throws Exception {
    api.on(PODS, 1, api.slowly(Duration.ofMillis(800)));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      assertEquals(2, scan(s).workloads().size());
    }
  }

  @Test
  void serverErrorOnPodsIsAServerErrorWithTheServersMessage() throws Exception {
    api.on(PODS, -1, status(500));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      KubeException e = assertThrows(KubeException.class, () -> scan(s));
      KubeFailure.ServerError f = assertInstanceOf(KubeFailure.ServerError.class, e.failure());
      assertEquals(500, f.code());
      assertTrue(f.detail().contains("scripted 500"), f.detail());
    }
  }

  @Test
  void serverErrorOnPoliciesKeepsThePodsAndSaysWhatFailed() throws Exception {
    api.on(POLICIES, -1, status(500));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      MeshSnapshot snap = scan(s);
      assertEquals(2, snap.workloads().size());
      assertTrue(
          snap.problems().stream()
              .anyMatch(
                  p ->
                      p.startsWith("PeerAuthentications in namespace bookinfo")
                          && p.contains("500")),
          snap.problems().toString());
    }
  }

  @Test
  void tooManyRequestsWithRetryAfterIsRetriedAfterTheDelay() throws Exception {
    api.on(PODS, 1, tooManyRequests(1));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      assertEquals(2, scan(s).workloads().size());
    }
    assertEquals(2, api.count(PODS));
  }

  @Test
  void endlessTooManyRequestsGivesUpAndSaysSo() throws Exception {
    api.on(PODS, -1, tooManyRequests(1));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      KubeException e = assertThrows(KubeException.class, () -> scan(s));
      KubeFailure.ServerError f = assertInstanceOf(KubeFailure.ServerError.class, e.failure());
      assertEquals(429, f.code());
    }
    assertTrue(api.count(PODS) <= 3, "retries are bounded: " + api.count(PODS));
  }
}
