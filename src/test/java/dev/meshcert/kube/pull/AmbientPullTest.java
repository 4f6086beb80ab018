package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Istio ambient: the ztunnel of the pod's node, port-forwarded by the mock to a real local server
 * serving the real ztunnel dump of the corpus.
 */
class AmbientPullTest {

  private MockMesh mesh;
  private AdminServer ztunnel;

  @BeforeEach
  void start() throws Exception {
    mesh = new MockMesh();
    ztunnel = new AdminServer(Corpus.bytes(Corpus.ZTUNNEL_DUMP), false);
    mesh.seed(
        c -> {
          c.namespaces().resource(Pods.namespace("istio-system")).create();
          c.pods()
              .inNamespace("istio-system")
              .resource(Pods.ztunnel("ztunnel-n1abc", "node-1"))
              .create();
          c.pods()
              .inNamespace("istio-system")
              .resource(Pods.ambient("istio-system", "istiod-a", "istiod", "node-1"))
              .create();
          c.pods()
              .inNamespace("istio-system")
              .resource(Pods.ambient("istio-system", "istiod-b", "istiod", "node-1"))
              .create();
          c.pods()
              .inNamespace("istio-system")
              .resource(Pods.ambient("istio-system", "waiting", "ztunnel", "node-1"))
              .create();
        });
    mesh.forward(
        "istio-system/ztunnel-n1abc", 15000, new MockMesh.Forward.Relay(ztunnel.address()));
  }

  @AfterEach
  void stop() {
    ztunnel.close();
    mesh.close();
  }

  private ScanResult scan() throws Exception {
    try (ClusterSession session = mesh.session(Duration.ofSeconds(5))) {
      return new MeshCertificateScanner(TestPki.CLOCK)
          .scan(
              session,
              new ScanTarget.Namespace("istio-system"),
              ScanOptions.defaults(TestPki.CLOCK),
              ScanListener.none(),
              Cancellation.none());
    }
  }

  @Test
  void certificateOfThePodIdentityIsTakenFromTheNodesZtunnel() throws Exception {
    PodPull pull = scan().pod("istio-system/istiod-a").orElseThrow();

    assertEquals(PullStatus.PULLED, pull.status(), pull.reason().orElse(""));
    PulledChain chain = pull.pulled().orElseThrow();
    assertEquals("e5dfb59150b2ba7f108d93dcec5aa613", chain.leaf().orElseThrow().serialHex());
    assertEquals("8a516645c40ce76c2c0d27ab4e2461c1", chain.roots().get(0).serialHex());
    assertEquals(java.util.Optional.of("Available"), chain.state());
    assertEquals(
        "port-forward ztunnel istio-system/ztunnel-n1abc :15000 GET /config_dump",
        pull.strategy().orElseThrow());
  }

  @Test
  void ztunnelIsReadOncePerScan() throws Exception {
    ScanResult result = scan();

    assertEquals(PullStatus.PULLED, result.pod("istio-system/istiod-b").orElseThrow().status());
    assertEquals(java.util.List.of("/config_dump"), ztunnel.paths());
  }

  @Test
  void identityWhoseCertificateIsNotAvailableFailsWithItsState() throws Exception {
    PodPull pull = scan().pod("istio-system/waiting").orElseThrow();

    assertEquals(PullStatus.FAILED, pull.status());
    assertTrue(
        pull.reason()
            .orElseThrow()
            .contains(
                "spiffe://cluster.local/ns/istio-system/sa/ztunnel is not available: Initializing"),
        pull.reason().orElseThrow());
  }

  @Test
  void ztunnelItselfIsSkippedAsNotMeshed() throws Exception {
    assertEquals(
        PullStatus.SKIPPED, scan().pod("istio-system/ztunnel-n1abc").orElseThrow().status());
  }
}
