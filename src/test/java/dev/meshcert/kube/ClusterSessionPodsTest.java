package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.CorpusFiles;
import dev.meshcert.mesh.detect.DataPlaneDetection;
import dev.meshcert.mesh.detect.DataPlaneReport;
import dev.meshcert.mesh.detect.DetectionContext;
import dev.meshcert.mesh.detect.SidecarDetector;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.ContainerPort;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.OwnerRef;
import dev.meshcert.mesh.workload.Volume;
import dev.meshcert.mesh.workload.VolumeMount;
import dev.meshcert.mesh.workload.Workload;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pods and namespaces through the official client against the fabric8 mock in CRUD mode. */
class ClusterSessionPodsTest {

  private MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static Pod productpage() {
    return new PodBuilder()
        .withApiVersion("v1")
        .withKind("Pod")
        .withNewMetadata()
        .withName("productpage-v1-6b746f74dc-9stvs")
        .withNamespace("bookinfo")
        .addToLabels("app", "productpage")
        .addToLabels("pod-template-hash", "6b746f74dc")
        .addToAnnotations("sidecar.istio.io/status", "{\"revision\":\"default\"}")
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName("productpage-v1-6b746f74dc")
        .withUid("u1")
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName("bookinfo-productpage")
        .withNodeName("node-1")
        .addNewContainer()
        .withName("productpage")
        .withImage("docker.io/istio/examples-bookinfo-productpage-v1:1.20.2")
        .addNewPort()
        .withContainerPort(9080)
        .endPort()
        .addNewEnv()
        .withName("LOG_DIR")
        .withValue("/tmp/logs")
        .endEnv()
        .endContainer()
        .addToInitContainers(
            new ContainerBuilder()
                .withName("istio-proxy")
                .withImage("docker.io/istio/proxyv2:1.24.2")
                .withRestartPolicy("Always")
                .addNewVolumeMount()
                .withName("workload-socket")
                .withMountPath("/var/run/secrets/workload-spiffe-uds")
                .endVolumeMount()
                .build())
        .addNewVolume()
        .withName("workload-socket")
        .withNewCsi()
        .withDriver("csi.spiffe.io")
        .withReadOnly(true)
        .endCsi()
        .endVolume()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withPodIP("10.0.0.7")
        .endStatus()
        .build();
  }

  private static Pod plain(String namespace, String name) {
    return new PodBuilder()
        .withApiVersion("v1")
        .withKind("Pod")
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("example/app:1")
        .endContainer()
        .endSpec()
        .build();
  }

  private void assertOnlyGets() {
    assertTrue(
        cluster.requests().stream().allMatch(r -> r.method().equals("GET")),
        cluster.requestLines().toString());
  }

  @Test
  void podIsConvertedWithContainersNativeSidecarsAndVolumes() throws Exception {
    cluster.seed(c -> c.resource(productpage()).create());
    try (ClusterSession s = cluster.session(Optional.empty())) {
      Workload w = s.pods(NamespaceScope.all(), Cancellation.none()).get(0);
      assertEquals("bookinfo/productpage-v1-6b746f74dc-9stvs", w.ref());
      assertEquals("bookinfo-productpage", w.serviceAccount());
      assertEquals(Optional.of("node-1"), w.node());
      assertEquals(Optional.of("10.0.0.7"), w.podIp());
      assertEquals("Running", w.phase());
      assertEquals(Optional.of(new OwnerRef("ReplicaSet", "productpage-v1-6b746f74dc")), w.owner());
      assertEquals("productpage-v1", w.workloadName());
      Container app = w.containers().get(0);
      assertEquals(List.of(new ContainerPort(9080, "", "TCP")), app.ports());
      assertEquals(Map.of("LOG_DIR", "/tmp/logs"), app.env());
      assertEquals(
          List.of("istio-proxy"), w.nativeSidecars().stream().map(Container::name).toList());
      assertEquals(
          List.of(
              new VolumeMount("workload-socket", "/var/run/secrets/workload-spiffe-uds", false)),
          w.nativeSidecars().get(0).mounts());
      assertEquals(List.of(Volume.csi("workload-socket", "csi.spiffe.io", Map.of())), w.volumes());
    }
  }

  @Test
  void listingAllPodsSendsOnePagedGet() throws Exception {
    cluster.seed(c -> c.resource(productpage()).create());
    try (ClusterSession s = cluster.session(Optional.empty())) {
      s.pods(NamespaceScope.all(), Cancellation.none());
    }
    assertEquals(List.of("GET /api/v1/pods?limit=500"), cluster.requestLines());
  }

  @Test
  void requestsCarryTheBearerToken() throws Exception {
    try (ClusterSession s = cluster.session(Optional.empty())) {
      s.pods(NamespaceScope.all(), Cancellation.none());
    }
    assertEquals("Bearer test-token", cluster.requests().get(0).headers().get("authorization"));
  }

  @Test
  void listingOneNamespaceOnlyReturnsItsPods() throws Exception {
    cluster.seed(
        c -> {
          c.resource(productpage()).create();
          c.resource(plain("default", "curl")).create();
        });
    try (ClusterSession s = cluster.session(Optional.empty())) {
      List<Workload> pods = s.pods(NamespaceScope.of("default"), Cancellation.none());
      assertEquals(List.of("default/curl"), pods.stream().map(Workload::ref).toList());
    }
    assertEquals(List.of("GET /api/v1/namespaces/default/pods?limit=500"), cluster.requestLines());
  }

  @Test
  void labelSelectorIsSentAndApplied() throws Exception {
    cluster.seed(
        c -> {
          c.resource(plain("istio-system", "ztunnel")).create();
          c.resource(plain("default", "curl")).create();
        });
    try (ClusterSession s = cluster.session(Optional.empty())) {
      List<Workload> pods = s.pods(NamespaceScope.all(), "app=ztunnel", Cancellation.none());
      assertEquals(List.of("istio-system/ztunnel"), pods.stream().map(Workload::ref).toList());
    }
    assertEquals(
        List.of("GET /api/v1/pods?labelSelector=app%3Dztunnel&limit=500"), cluster.requestLines());
  }

  @Test
  void continueTokenFetchesTheNextPage() throws Exception {
    String page1 =
        "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{\"continue\":\"tok2\"},"
            + "\"items\":[{\"metadata\":{\"name\":\"a\",\"namespace\":\"n\"}}]}";
    String page2 =
        "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{},"
            + "\"items\":[{\"metadata\":{\"name\":\"b\",\"namespace\":\"n\"}}]}";
    cluster.expect().get().withPath("/api/v1/pods?limit=500").andReturn(200, page1).once();
    cluster
        .expect()
        .get()
        .withPath("/api/v1/pods?continue=tok2&limit=500")
        .andReturn(200, page2)
        .once();
    try (ClusterSession s = cluster.session(Optional.empty())) {
      List<Workload> pods = s.pods(NamespaceScope.all(), Cancellation.none());
      assertEquals(List.of("n/a", "n/b"), pods.stream().map(Workload::ref).toList());
    }
    assertEquals(2, cluster.requests().size());
  }

  @Test
  void namespacesAreListedSortedWithTheirLabels() throws Exception {
    cluster.seed(
        c -> {
          c.resource(ns("istio-system", Map.of())).create();
          c.resource(ns("bookinfo", Map.of("istio-injection", "enabled"))).create();
        });
    try (ClusterSession s = cluster.session(Optional.empty())) {
      NamespaceListing listing = s.namespaces(Cancellation.none());
      assertTrue(listing.isComplete());
      assertEquals(List.of("bookinfo", "istio-system"), listing.names());
      assertEquals("enabled", listing.namespaces().get(0).labels().get("istio-injection"));
    }
    assertOnlyGets();
  }

  @Test
  void forbiddenNamespaceListFallsBackToTheContextNamespace() throws Exception {
    cluster.seed(c -> c.resource(ns("bookinfo", Map.of("istio-injection", "enabled"))).create());
    cluster.respond("/api/v1/namespaces", 403);
    try (ClusterSession s = cluster.session(Optional.of("bookinfo"))) {
      NamespaceListing listing = s.namespaces(Cancellation.none());
      assertFalse(listing.isComplete());
      assertEquals(List.of("bookinfo"), listing.names());
      assertEquals("enabled", listing.namespaces().get(0).labels().get("istio-injection"));
      KubeFailure.Forbidden f = (KubeFailure.Forbidden) listing.limitedBy().orElseThrow();
      assertEquals(Operation.clusterWide("list", "namespaces"), f.operation());
    }
    assertEquals(
        List.of("GET /api/v1/namespaces?limit=500", "GET /api/v1/namespaces/bookinfo"),
        cluster.requestLines());
  }

  @Test
  void forbiddenNamespaceListWithoutContextNamespaceFallsBackToDefault() throws Exception {
    cluster.respond("/api/v1/namespaces", 403);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      assertEquals(List.of("default"), s.namespaces(Cancellation.none()).names());
    }
  }

  @Test
  void linkerdInjectedPodFromTheCorpusIsDetectedAsLinkerdNativeSidecar() throws Exception {
    Deployment web =
        (Deployment)
            cluster
                .seed()
                .load(
                    new ByteArrayInputStream(
                        CorpusFiles.text(
                                "linkerd/cli/cmd/testdata/inject_emojivoto_deployment.golden.yml")
                            .getBytes(StandardCharsets.UTF_8)))
                .items()
                .get(0);
    Pod pod =
        new PodBuilder()
            .withApiVersion("v1")
            .withKind("Pod")
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName("web-5f86686c4d-58p7k")
                    .withNamespace("emojivoto")
                    .withLabels(web.getSpec().getTemplate().getMetadata().getLabels())
                    .withAnnotations(web.getSpec().getTemplate().getMetadata().getAnnotations())
                    .build())
            .withSpec(web.getSpec().getTemplate().getSpec())
            .build();
    cluster.seed(c -> c.resource(pod).create());
    try (ClusterSession s = cluster.session(Optional.empty())) {
      Workload w = s.pods(NamespaceScope.of("emojivoto"), Cancellation.none()).get(0);
      DataPlaneReport r = new SidecarDetector().detect(w, DetectionContext.empty());
      assertEquals(DataPlane.LINKERD, r.primary());
      DataPlaneDetection d = r.find(DataPlane.LINKERD).orElseThrow();
      assertTrue(d.sidecar().orElseThrow().nativeSidecar());
      assertEquals(Optional.of("test-inject-proxy-version"), d.sidecar().orElseThrow().version());
    }
  }

  private static HasMetadata ns(String name, Map<String, String> labels) {
    return new NamespaceBuilder()
        .withApiVersion("v1")
        .withKind("Namespace")
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }
}
