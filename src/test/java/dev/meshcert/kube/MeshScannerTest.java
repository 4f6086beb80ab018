package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.mesh.policy.MtlsMode;
import dev.meshcert.testpki.TestPki;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scan of a live (mock) cluster: what is forbidden becomes a problem, not a failure. */
class MeshScannerTest {

  private MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
    cluster.seed(
        c ->
            c.resource(
                    new PodBuilder()
                        .withApiVersion("v1")
                        .withKind("Pod")
                        .withNewMetadata()
                        .withName("reviews-v1-abc")
                        .withNamespace("bookinfo")
                        .addToLabels("app", "reviews")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("reviews")
                        .withImage("example/reviews:1")
                        .endContainer()
                        .addNewContainer()
                        .withName("istio-proxy")
                        .withImage("docker.io/istio/proxyv2:1.24.2")
                        .endContainer()
                        .endSpec()
                        .build())
                .create());
    cluster.seedYaml(
        MockCluster.PEER_AUTHENTICATION_V1,
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec: {mtls: {mode: STRICT}}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: broken, namespace: bookinfo}
        spec: {mtls: {mode: BLAH}}
        """,
        "default");
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void oneNamespaceScanAlsoReadsTheRootNamespacePolicies() throws Exception {
    try (ClusterSession s = cluster.session(Optional.empty())) {
      MeshSnapshot snap =
          new MeshScanner(TestPki.CLOCK)
              .scan(s, NamespaceScope.of("bookinfo"), Cancellation.none());
      assertEquals(MtlsBadge.STRICT, snap.workloads().get(0).badge());
      assertEquals(MtlsMode.STRICT, snap.workloads().get(0).mtls().mode());
    }
    assertTrue(
        cluster
            .requestLines()
            .contains(
                "GET /apis/security.istio.io/v1/namespaces/istio-system/peerauthentications?limit=500"),
        cluster.requestLines().toString());
  }

  @Test
  void invalidPolicyIsReportedAsAProblem() throws Exception {
    try (ClusterSession s = cluster.session(Optional.empty())) {
      MeshSnapshot snap = new MeshScanner(TestPki.CLOCK).scanAll(s, Cancellation.none());
      assertTrue(
          snap.problems().stream().anyMatch(p -> p.contains("broken") && p.contains("BLAH")),
          snap.problems().toString());
    }
  }

  @Test
  void forbiddenControlPlaneAndNamespacesAreProblemsNotFailures() throws Exception {
    cluster.respond("/api/v1/namespaces", 403);
    cluster.respond("/apis/apps/v1/deployments", 403);
    try (ClusterSession s = cluster.session(Optional.of("bookinfo"))) {
      MeshSnapshot snap =
          new MeshScanner(TestPki.CLOCK)
              .scan(s, NamespaceScope.of("bookinfo"), Cancellation.none());
      assertEquals(1, snap.workloads().size());
      assertTrue(
          snap.problems().stream().anyMatch(p -> p.contains("list namespaces")),
          snap.problems().toString());
      assertTrue(
          snap.problems().stream().anyMatch(p -> p.contains("deployments.apps")),
          snap.problems().toString());
    }
  }

  @Test
  void scanOnlyReads() throws Exception {
    try (ClusterSession s = cluster.session(Optional.empty())) {
      new MeshScanner(TestPki.CLOCK).scanAll(s, Cancellation.none());
    }
    assertTrue(cluster.requests().stream().allMatch(r -> r.method().equals("GET")));
  }
}
