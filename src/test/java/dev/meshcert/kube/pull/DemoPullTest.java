package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.testpki.TestPki;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo mesh serves its certificates through the same strategies as a live cluster. */
class DemoPullTest {

  private static DemoCluster demo;
  private static ScanResult result;

  @BeforeAll
  static void scan() throws Exception {
    demo = DemoCluster.create(TestPki.CLOCK);
    result =
        new MeshCertificateScanner(TestPki.CLOCK, new dev.meshcert.probe.StreamHandshake())
            .scan(
                demo,
                new ScanTarget.All(),
                ScanOptions.defaults(TestPki.CLOCK).withSecrets(true),
                ScanListener.none(),
                Cancellation.none());
  }

  @AfterAll
  static void close() {
    demo.close();
  }

  private static PodPull pod(String ref) {
    return result
        .pod(ref)
        .orElseThrow(() -> new AssertionError("no " + ref + " in " + result.pods()));
  }

  @Test
  void sidecarIsReadThroughEnvoyAdminPortForward() {
    PodPull p = pod("bookinfo/productpage-v1-6b746f74dc-9stvs");
    assertEquals(PullStatus.PULLED, p.status(), p.reason().orElse(""));
    assertTrue(
        p.strategy().orElseThrow().startsWith("port-forward :15000"), p.strategy().orElseThrow());
    assertEquals(PodVerdicts.RootMatch.VERIFIES, p.verdicts().orElseThrow().meshRoot());
  }

  @Test
  void istio14SidecarFallsBackToEtcCerts() {
    PodPull p = pod("legacy/inventory-5d9c7f8b4-wq8rt");
    assertEquals(PullStatus.PULLED, p.status(), p.reason().orElse(""));
    assertEquals("files istio-proxy:/etc/certs", p.pulled().orElseThrow().source());
    assertEquals(3, p.attempts().size());
  }

  @Test
  void ambientPodIsReadFromItsNodesZtunnel() {
    PodPull p = pod("ambient-demo/httpbin-686d6fc899-7lhrc");
    assertEquals(PullStatus.PULLED, p.status(), p.reason().orElse(""));
    assertTrue(p.strategy().orElseThrow().startsWith("port-forward ztunnel istio-system/"));
  }

  @Test
  void linkerdPodIsReadAfterTheHandshakeFindsNoServer() {
    PodPull p = pod("emojivoto/web-5f86686c4d-58p7k");
    assertEquals(PullStatus.PULLED, p.status(), p.reason().orElse(""));
    assertTrue(p.attempts().get(0).strategy().contains("TLS handshake"));
    assertFalse(p.attempts().get(0).succeeded());
    assertEquals(PodVerdicts.RootMatch.VERIFIES, p.verdicts().orElseThrow().meshRoot());
    assertEquals(PodVerdicts.IdentityMatch.MATCHES, p.verdicts().orElseThrow().identityMatch());
  }

  @Test
  void wrongServiceAccountIsAMismatch() {
    assertEquals(
        PodVerdicts.IdentityMatch.MISMATCH,
        pod("bookinfo/details-v1-79f774bdb9-kq2lw").verdicts().orElseThrow().identityMatch());
  }

  @Test
  void stragglerHoldsThePreviousRoot() {
    assertEquals(
        Optional.of(false),
        pod("bookinfo/reviews-v1-545db77b95-8jz5b").verdicts().orElseThrow().heldRootsMatchMesh());
  }

  @Test
  void podWithoutMeshIsSkipped() {
    assertEquals(PullStatus.SKIPPED, pod("default/curl-5b5d8d6b5c-qp7tn").status());
  }

  @Test
  void secretsAreReadWithoutTheirKeys() {
    MeshRoot issuer =
        result.roots().stream()
            .filter(r -> r.kind() == MeshRoot.Kind.LINKERD_ISSUER_SECRET)
            .findFirst()
            .orElseThrow();
    assertEquals(2, issuer.certificates().size());
    assertTrue(
        issuer.notes().contains("private key entries not read: tls.key"),
        issuer.notes().toString());
  }
}
