package dev.meshcert.kube.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.expiry.Expiry;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.core.expiry.ExpiryState;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.FetchedCertificates;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.WatchEvent;
import dev.meshcert.mesh.detect.CaMode;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.mesh.policy.MtlsMode;
import dev.meshcert.mesh.policy.PolicyScope;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.testpki.TestPki;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo mesh flows through the same scanner and readers as a live cluster. */
class DemoClusterTest {

  private static DemoCluster demo;
  private static MeshSnapshot snapshot;

  @BeforeAll
  static void scan() throws KubeException {
    demo = DemoCluster.create(TestPki.CLOCK);
    snapshot = new MeshScanner(TestPki.CLOCK).scanAll(demo, Cancellation.none());
  }

  private static WorkloadStatus workload(String ref) {
    return snapshot.workload(ref).orElseThrow(() -> new AssertionError("no " + ref));
  }

  private static CertificateFacts leaf(String ref) throws KubeException {
    WorkloadStatus w = workload(ref);
    FetchedCertificates f =
        demo.certificates(w.pod(), w.dataPlane().certSources().get(0), Cancellation.none());
    Source s = InputReader.standard().read(f.name(), f.content(), PasswordProvider.none());
    return s.certificates().get(0).certificate();
  }

  @Test
  void everyKindOfDataPlaneIsPresent() {
    Set<DataPlane> planes =
        snapshot.workloads().stream().map(w -> w.dataPlane().primary()).collect(Collectors.toSet());
    assertTrue(
        planes.containsAll(
            Set.of(
                DataPlane.ISTIO_SIDECAR,
                DataPlane.ISTIO_AMBIENT,
                DataPlane.LINKERD,
                DataPlane.CERT_MANAGER_CSI,
                DataPlane.NONE)),
        planes.toString());
  }

  @Test
  void demoScanHasNoProblems() {
    assertEquals(java.util.List.of(), snapshot.problems());
  }

  @Test
  void bookinfoIsStrictButProductpageAcceptsPlainTextOnItsPort() {
    WorkloadStatus productpage = workload("bookinfo/productpage-v1-6b746f74dc-9stvs");
    assertEquals(MtlsMode.STRICT, productpage.mtls().mode());
    assertEquals(MtlsMode.PERMISSIVE, productpage.mtls().modeFor(9080));
    assertEquals(PolicyScope.PORT, productpage.mtls().forPort(9080).scope());
    assertEquals(MtlsBadge.STRICT, workload("bookinfo/details-v1-79f774bdb9-kq2lw").badge());
  }

  @Test
  void legacyPodWithoutSidecarIsPlainTextOnly() {
    WorkloadStatus batch = workload("legacy/batch-reporter-6f7d9b8c4-m2n4p");
    assertEquals(DataPlane.NONE, batch.dataPlane().primary());
    assertEquals(MtlsBadge.NO_SIDECAR, batch.badge());
    assertEquals(MtlsMode.PERMISSIVE, batch.mtls().mode());
  }

  @Test
  void ambientPodIsServedByTheZtunnelOfItsNode() {
    WorkloadStatus httpbin = workload("ambient-demo/httpbin-686d6fc899-7lhrc");
    assertEquals(DataPlane.ISTIO_AMBIENT, httpbin.dataPlane().primary());
    assertTrue(
        httpbin.dataPlane().evidence().stream().anyMatch(e -> e.contains("on node node-2")),
        httpbin.dataPlane().evidence().toString());
    assertEquals(MtlsBadge.STRICT, httpbin.badge());
  }

  @Test
  void controlPlanesAreIstiodWithSelfSignedCaAndLinkerd() {
    assertEquals(CaMode.SELF_SIGNED, snapshot.controlPlane().istio().get(0).caMode());
    assertEquals("cluster.local", snapshot.controlPlane().istio().get(0).trustDomain());
    assertTrue(snapshot.controlPlane().linkerd().get(0).trustRootsPem().isPresent());
  }

  @Test
  void reviewsV2CertificateIsAboutToExpire() throws KubeException {
    CertificateFacts c = leaf("bookinfo/reviews-v2-7bf8c9648f-x5cq2");
    assertEquals(
        ExpiryState.EXPIRING, Expiry.evaluate(c, TestPki.NOW, ExpiryPolicy.DEFAULT).state());
  }

  @Test
  void ratingsCertificateHasExpired() throws KubeException {
    CertificateFacts c = leaf("bookinfo/ratings-v1-b6994bb9-tg4kl");
    assertEquals(
        ExpiryState.EXPIRED, Expiry.evaluate(c, TestPki.NOW, ExpiryPolicy.DEFAULT).state());
  }

  @Test
  void detailsCertificateNamesAnotherServiceAccount() throws KubeException {
    Workload details = workload("bookinfo/details-v1-79f774bdb9-kq2lw").pod();
    String spiffe = leaf(details.ref()).spiffeUri().orElseThrow();
    assertNotEquals("spiffe://cluster.local/ns/bookinfo/sa/" + details.serviceAccount(), spiffe);
    assertEquals("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews", spiffe);
  }

  @Test
  void healthyCertificateMatchesItsPod() throws KubeException {
    Workload productpage = workload("bookinfo/productpage-v1-6b746f74dc-9stvs").pod();
    CertificateFacts c = leaf(productpage.ref());
    assertEquals(
        "spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage", c.spiffeUri().orElseThrow());
    assertEquals(ExpiryState.VALID, Expiry.evaluate(c, TestPki.NOW, ExpiryPolicy.DEFAULT).state());
  }

  @Test
  void linkerdPodPresentsItsDnsIdentity() throws KubeException {
    CertificateFacts c = leaf("emojivoto/web-5f86686c4d-58p7k");
    assertEquals(
        java.util.List.of("web.emojivoto.serviceaccount.identity.linkerd.cluster.local"),
        c.dnsSans());
  }

  @Test
  void podWithoutCertificatesSaysSo() {
    Workload curl = workload("default/curl-5b5d8d6b5c-qp7tn").pod();
    KubeException e =
        assertThrows(
            KubeException.class,
            () ->
                demo.certificates(
                    curl,
                    new dev.meshcert.mesh.workload.CertSource.EnvoyAdmin("istio-proxy", 15000),
                    Cancellation.none()));
    assertInstanceOf(KubeFailure.NotSupported.class, e.failure());
  }

  @Test
  void oneNamespaceScopeStillFindsTheZtunnels() throws KubeException {
    MeshSnapshot ambient =
        new MeshScanner(TestPki.CLOCK)
            .scan(demo, NamespaceScope.of("ambient-demo"), Cancellation.none());
    assertEquals(1, ambient.workloads().size());
    assertEquals(2, ambient.infrastructure().size());
    assertEquals(
        java.util.List.of(),
        ambient
            .workloads()
            .get(0)
            .dataPlane()
            .find(DataPlane.ISTIO_AMBIENT)
            .orElseThrow()
            .warnings());
  }

  @Test
  void watchReportsTheStateOnce() throws InterruptedException {
    BlockingQueue<WatchEvent<Workload>> events = new ArrayBlockingQueue<>(4);
    try (var h = demo.watchPods(NamespaceScope.of("bookinfo"), events::add)) {
      WatchEvent.Synced<Workload> s =
          assertInstanceOf(WatchEvent.Synced.class, events.poll(5, TimeUnit.SECONDS));
      assertEquals(5, s.items().size());
    }
  }
}
