package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.policy.ClientTlsMode;
import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.workload.ServiceInfo;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Services and DestinationRules read through the official client from the fabric8 mock. */
class ClusterSessionTrafficTest {

  private static final CustomResourceDefinitionContext DESTINATION_RULE_V1 =
      new CustomResourceDefinitionContext.Builder()
          .withGroup("networking.istio.io")
          .withVersion("v1")
          .withPlural("destinationrules")
          .withKind("DestinationRule")
          .withScope("Namespaced")
          .build();

  private MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void servicesComeWithSelectorAndTargetPorts() throws Exception {
    cluster.seed(
        c ->
            c.services()
                .inNamespace("bookinfo")
                .resource(
                    new ServiceBuilder()
                        .withNewMetadata()
                        .withName("ratings")
                        .withNamespace("bookinfo")
                        .endMetadata()
                        .withNewSpec()
                        .withSelector(Map.of("app", "ratings"))
                        .addNewPort()
                        .withPort(80)
                        .withTargetPort(new IntOrString(9080))
                        .endPort()
                        .endSpec()
                        .build())
                .create());
    try (ClusterSession s = cluster.session(Optional.empty())) {
      List<ServiceInfo> services = s.services(NamespaceScope.of("bookinfo"), Cancellation.none());
      assertEquals(
          List.of(
              new ServiceInfo(
                  "bookinfo",
                  "ratings",
                  Map.of("app", "ratings"),
                  List.of(new ServiceInfo.Port(80, 9080)))),
          services);
    }
    assertEquals(
        List.of("GET /api/v1/namespaces/bookinfo/services?limit=500"), cluster.requestLines());
  }

  @Test
  void destinationRulesAreReadWithTheirTlsModes() throws Exception {
    cluster.expectCustomResource(DESTINATION_RULE_V1);
    cluster.seedYaml(
        DESTINATION_RULE_V1,
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: details-plaintext, namespace: legacy}
        spec:
          host: details.bookinfo.svc.cluster.local
          trafficPolicy: {tls: {mode: DISABLE}}
        """,
        "legacy");
    try (ClusterSession s = cluster.session(Optional.empty())) {
      List<DestinationRule> rules = s.destinationRules(NamespaceScope.all(), Cancellation.none());
      assertEquals(1, rules.size());
      assertEquals("details.bookinfo.svc.cluster.local", rules.get(0).host());
      assertEquals(ClientTlsMode.DISABLE, rules.get(0).settings().get(0).mode());
    }
    assertTrue(cluster.requests().stream().allMatch(r -> r.method().equals("GET")));
  }

  @Test
  void clusterWithoutIstioHasNoDestinationRules() throws Exception {
    for (String version : List.of("v1", "v1beta1", "v1alpha3")) {
      cluster.respond("/apis/networking.istio.io/" + version + "/destinationrules", 404);
    }
    try (ClusterSession s = cluster.session(Optional.empty())) {
      assertEquals(List.of(), s.destinationRules(NamespaceScope.all(), Cancellation.none()));
    }
    assertEquals(
        List.of(
            "GET /apis/networking.istio.io/v1/destinationrules?limit=500",
            "GET /apis/networking.istio.io/v1beta1/destinationrules?limit=500",
            "GET /apis/networking.istio.io/v1alpha3/destinationrules?limit=500"),
        cluster.requestLines());
  }
}
