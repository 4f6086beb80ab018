package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.CorpusFiles;
import dev.meshcert.mesh.detect.CaMode;
import dev.meshcert.mesh.detect.ControlPlaneDetector;
import dev.meshcert.mesh.detect.ControlPlaneInputs;
import dev.meshcert.mesh.detect.ControlPlaneReport;
import dev.meshcert.mesh.detect.IstioControlPlane;
import dev.meshcert.mesh.detect.LinkerdControlPlane;
import dev.meshcert.mesh.workload.SecretInfo;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterSessionControlPlaneTest {

  private MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private void seedIstio() {
    cluster.seed(
        c -> {
          c.resource(
                  new DeploymentBuilder()
                      .withApiVersion("apps/v1")
                      .withKind("Deployment")
                      .withNewMetadata()
                      .withName("istiod")
                      .withNamespace("istio-system")
                      .addToLabels("app", "istiod")
                      .endMetadata()
                      .withNewSpec()
                      .withReplicas(1)
                      .withNewSelector()
                      .addToMatchLabels("app", "istiod")
                      .endSelector()
                      .withNewTemplate()
                      .withNewSpec()
                      .addNewContainer()
                      .withName("discovery")
                      .withImage("docker.io/istio/pilot:1.24.2")
                      .endContainer()
                      .endSpec()
                      .endTemplate()
                      .endSpec()
                      .withNewStatus()
                      .withReadyReplicas(1)
                      .endStatus()
                      .build())
              .create();
          c.resource(
                  new ConfigMapBuilder()
                      .withApiVersion("v1")
                      .withKind("ConfigMap")
                      .withNewMetadata()
                      .withName("istio")
                      .withNamespace("istio-system")
                      .endMetadata()
                      .addToData(
                          "mesh",
                          "trustDomain: prod.example\ntrustDomainAliases: [cluster.local]\n")
                      .build())
              .create();
          c.resource(
                  new SecretBuilder()
                      .withApiVersion("v1")
                      .withKind("Secret")
                      .withNewMetadata()
                      .withName("cacerts")
                      .withNamespace("istio-system")
                      .endMetadata()
                      .withType("Opaque")
                      .addToData("ca-cert.pem", "Y2VydA==")
                      .addToData("ca-key.pem", "a2V5")
                      .build())
              .create();
        });
  }

  @Test
  void istiodWithPluggedInCaAndMeshConfigIsFound() throws Exception {
    seedIstio();
    try (ClusterSession s = cluster.session(Optional.empty())) {
      ControlPlaneReport r =
          new ControlPlaneDetector().detect(s.controlPlaneInputs(Cancellation.none()));
      IstioControlPlane p = r.istio().get(0);
      assertEquals("istio-system", p.namespace());
      assertEquals("1/1", p.revisions().get(0).deployment().readiness());
      assertEquals("prod.example", p.trustDomain());
      assertEquals(List.of("cluster.local"), p.meshConfig().trustDomainAliases());
      assertEquals(CaMode.PLUGGED_IN, p.caMode());
    }
  }

  @Test
  void secretsAreAskedForAsMetadataOnlyAndOnlyKeyNamesAreKept() throws Exception {
    seedIstio();
    try (ClusterSession s = cluster.session(Optional.empty())) {
      ControlPlaneInputs in = s.controlPlaneInputs(Cancellation.none());
      SecretInfo cacerts = in.secret("istio-system", "cacerts").orElseThrow();
      assertEquals(Set.of("ca-cert.pem", "ca-key.pem"), cacerts.keys());
    }
    MockCluster.Request secrets =
        cluster.requests().stream()
            .filter(r -> r.path().startsWith("/api/v1/namespaces/istio-system/secrets"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        secrets.headers().get("accept").startsWith("application/json;as=PartialObjectMetadataList"),
        secrets.headers().toString());
  }

  @Test
  void controlPlaneReadingOnlyGetsWhatItNeeds() throws Exception {
    seedIstio();
    try (ClusterSession s = cluster.session(Optional.empty())) {
      s.controlPlaneInputs(Cancellation.none());
    }
    assertEquals(
        List.of(
            "GET /apis/apps/v1/deployments?limit=500",
            "GET /apis/apps/v1/statefulsets?limit=500",
            "GET /apis/apps/v1/daemonsets?limit=500",
            "GET /api/v1/namespaces/istio-system/configmaps?limit=500",
            "GET /api/v1/namespaces/istio-system/secrets"),
        cluster.requestLines());
  }

  @Test
  void forbiddenClusterWideListsFallBackToTheUsualNamespaces() throws Exception {
    seedIstio();
    cluster.respond("/apis/apps/v1/deployments", 403);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      ControlPlaneInputs in = s.controlPlaneInputs(Cancellation.none());
      assertEquals("istiod", in.resources().get(0).name());
      assertTrue(in.problems().get(0).contains("403 Forbidden"), in.problems().toString());
    }
    assertTrue(
        cluster
            .requestLines()
            .contains("GET /apis/apps/v1/namespaces/istio-system/deployments?limit=500"));
  }

  @Test
  void forbiddenSecretsLeaveTheCaModeUnknown() throws Exception {
    seedIstio();
    cluster.respond("/api/v1/namespaces/istio-system/secrets", 403);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      ControlPlaneReport r =
          new ControlPlaneDetector().detect(s.controlPlaneInputs(Cancellation.none()));
      assertEquals(CaMode.UNKNOWN, r.istio().get(0).caMode());
    }
  }

  @Test
  void linkerdInstallFromTheCorpusIsFound() throws Exception {
    List<HasMetadata> objects =
        cluster
            .seed()
            .load(
                new ByteArrayInputStream(
                    CorpusFiles.text("linkerd/cli/cmd/testdata/install_default.golden")
                        .getBytes(StandardCharsets.UTF_8)))
            .items();
    cluster.seed(
        c ->
            objects.stream()
                .filter(
                    o ->
                        o.getKind().equals("Deployment")
                            || o.getKind().equals("ConfigMap")
                            || o.getKind().equals("Secret"))
                .forEach(o -> c.resource(o).create()));
    String expectedRoots =
        objects.stream()
            .filter(o -> o.getMetadata().getName().equals("linkerd-identity-trust-roots"))
            .map(
                o -> ((io.fabric8.kubernetes.api.model.ConfigMap) o).getData().get("ca-bundle.crt"))
            .findFirst()
            .orElseThrow();
    try (ClusterSession s = cluster.session(Optional.empty())) {
      ControlPlaneReport r =
          new ControlPlaneDetector().detect(s.controlPlaneInputs(Cancellation.none()));
      LinkerdControlPlane l = r.linkerd().get(0);
      assertEquals("linkerd", l.namespace());
      assertEquals("cluster.local", l.trustDomain());
      assertEquals(Optional.of("install-control-plane-version"), l.version());
      assertEquals(Optional.of(expectedRoots), l.trustRootsPem());
      assertTrue(l.trustRootsPem().orElseThrow().startsWith("-----BEGIN CERTIFICATE-----"));
      assertTrue(l.issuerSecret().orElseThrow().startsWith("linkerd-identity-issuer"));
    }
  }
}
