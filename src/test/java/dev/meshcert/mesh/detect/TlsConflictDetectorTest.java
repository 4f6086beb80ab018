package dev.meshcert.mesh.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.DestinationRuleParser;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationParser;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.ContainerPort;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Workload;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DestinationRule TLS against what the server pods accept. */
class TlsConflictDetectorTest {

  private static final String STRICT_SHOP =
      """
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: shop}
      spec: {mtls: {mode: STRICT}}
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: cart-metrics, namespace: shop}
      spec:
        selector: {matchLabels: {app: cart}}
        mtls: {mode: STRICT}
        portLevelMtls: {9090: {mode: PERMISSIVE}}
      """;

  private static Workload sidecarPod(String ns, String app) {
    return Workload.builder(ns, app + "-1")
        .label("app", app)
        .annotation("sidecar.istio.io/status", "{\"containers\":[\"istio-proxy\"]}")
        .container(
            Container.of("app", "example.com/" + app)
                .withPorts(List.of(ContainerPort.tcp(8080), ContainerPort.tcp(9090))))
        .container(Container.of("istio-proxy", "docker.io/istio/proxyv2:1.24.2"))
        .build();
  }

  private static Workload plainPod(String ns, String app) {
    return Workload.builder(ns, app + "-1")
        .label("app", app)
        .container(
            Container.of("app", "example.com/" + app).withPorts(List.of(ContainerPort.tcp(8080))))
        .build();
  }

  private static ServiceInfo service(String ns, String app, int... ports) {
    List<ServiceInfo.Port> list =
        java.util.Arrays.stream(ports)
            .mapToObj(p -> new ServiceInfo.Port(p == 8080 ? 80 : p, p))
            .toList();
    return new ServiceInfo(ns, app, Map.of("app", app), list);
  }

  private static List<TlsConflict> conflicts(
      String rules, List<Workload> pods, List<ServiceInfo> services) {
    List<ParsedPeerAuthentication> policies =
        PeerAuthenticationParser.parseYaml(STRICT_SHOP, "shop");
    List<DestinationRule> drs = DestinationRuleParser.parseYaml(rules, "shop");
    MeshSnapshot s =
        MeshAnalyzer.analyze(
            new MeshAnalyzer.Inputs(
                "test",
                false,
                Instant.parse("2026-12-04T00:00:00Z"),
                Optional.empty(),
                List.of(Namespace.named("shop")),
                pods,
                List.of(),
                new ControlPlaneReport(List.of(), List.of(), List.of(), List.of()),
                policies,
                List.of(),
                services,
                drs));
    return s.tlsConflicts();
  }

  private static String rule(String host, String mode) {
    return "kind: DestinationRule\nmetadata: {name: r, namespace: shop}\nspec: {host: "
        + host
        + ", trafficPolicy: {tls: {mode: "
        + mode
        + "}}}\n";
  }

  @Test
  void disableAgainstStrictIsAConflictPerStrictPort() {
    List<TlsConflict> c =
        conflicts(
            rule("orders", "DISABLE"),
            List.of(sidecarPod("shop", "orders")),
            List.of(service("shop", "orders", 8080)));
    assertEquals(1, c.size());
    assertEquals(TlsConflict.Kind.DISABLE_AGAINST_STRICT, c.get(0).kind());
    assertEquals(Optional.of(8080), c.get(0).port());
    assertTrue(c.get(0).message().contains("shop/orders-1 port 8080"), c.get(0).message());
  }

  @Test
  void disableTowardsAPermissivePortIsFine() {
    List<TlsConflict> c =
        conflicts(
            rule("cart", "DISABLE"),
            List.of(sidecarPod("shop", "cart")),
            List.of(service("shop", "cart", 8080, 9090)));
    assertEquals(List.of(Optional.of(8080)), c.stream().map(TlsConflict::port).toList());
  }

  @Test
  void istioMutualTowardsAPodWithoutSidecarIsAConflict() {
    List<TlsConflict> c =
        conflicts(
            rule("legacy.shop.svc.cluster.local", "ISTIO_MUTUAL"),
            List.of(plainPod("shop", "legacy")),
            List.of(service("shop", "legacy", 8080)));
    assertEquals(1, c.size());
    assertEquals(TlsConflict.Kind.ISTIO_MUTUAL_WITHOUT_SIDECAR, c.get(0).kind());
    assertEquals("shop/legacy", c.get(0).service());
  }

  @Test
  void istioMutualTowardsASidecarIsFine() {
    assertTrue(
        conflicts(
                rule("orders", "ISTIO_MUTUAL"),
                List.of(sidecarPod("shop", "orders")),
                List.of(service("shop", "orders", 8080)))
            .isEmpty());
  }

  @Test
  void portLevelSettingOverridesTheRuleWideOneOnItsPort() {
    String rules =
        """
        kind: DestinationRule
        metadata: {name: r, namespace: shop}
        spec:
          host: orders
          trafficPolicy:
            tls: {mode: DISABLE}
            portLevelSettings:
            - port: {number: 80}
              tls: {mode: ISTIO_MUTUAL}
        """;
    assertTrue(
        conflicts(
                rules,
                List.of(sidecarPod("shop", "orders")),
                List.of(service("shop", "orders", 8080)))
            .isEmpty());
  }

  @Test
  void hostOfAnUnknownServiceReachesNoPod() {
    assertTrue(
        conflicts(
                rule("api.example.com", "DISABLE"),
                List.of(sidecarPod("shop", "orders")),
                List.of(service("shop", "orders", 8080)))
            .isEmpty());
  }

  @Test
  void wildcardHostReachesEveryServiceOfTheNamespace() {
    assertEquals(
        2,
        conflicts(
                rule("\"*.shop.svc.cluster.local\"", "DISABLE"),
                List.of(sidecarPod("shop", "orders"), sidecarPod("shop", "payments")),
                List.of(service("shop", "orders", 8080), service("shop", "payments", 8080)))
            .size());
  }
}
