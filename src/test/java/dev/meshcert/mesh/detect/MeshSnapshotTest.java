package dev.meshcert.mesh.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.mesh.policy.DestinationRuleParser;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationParser;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.ContainerPort;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeshSnapshotTest {

  private static final Workload SIDECAR =
      Workload.builder("shop", "cart-1")
          .label("app", "cart")
          .container(Container.of("cart", "cart:1").withPorts(List.of(ContainerPort.tcp(8080))))
          .container(Container.of("istio-proxy", "proxyv2:1.24.2"))
          .build();
  private static final Workload PLAIN =
      Workload.builder("shop", "legacy-1").container(Container.of("app", "legacy:1")).build();

  private static List<ParsedPeerAuthentication> policy(String mode) {
    return PeerAuthenticationParser.parseYaml(
        "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\n"
            + "metadata: {name: default, namespace: shop}\nspec: {mtls: {mode: "
            + mode
            + "}}\n",
        "default");
  }

  private static MeshSnapshot snapshot(
      List<Workload> pods, List<ParsedPeerAuthentication> policies) {
    return MeshAnalyzer.analyze(
        new MeshAnalyzer.Inputs(
            "test",
            false,
            TestPki.NOW,
            Optional.empty(),
            List.of(Namespace.named("shop")),
            pods,
            List.of(),
            new ControlPlaneReport(List.of(), List.of(), List.of(), List.of()),
            policies,
            List.of(),
            List.of(),
            List.of()));
  }

  @Test
  void statusesFollowThePods() {
    MeshSnapshot s = snapshot(List.of(SIDECAR, PLAIN), policy("STRICT"));
    assertEquals(MtlsBadge.STRICT, s.workload("shop/cart-1").orElseThrow().badge());
    assertEquals(MtlsBadge.NO_SIDECAR, s.workload("shop/legacy-1").orElseThrow().badge());
  }

  @Test
  void newPolicyChangesEveryStatus() {
    MeshSnapshot s =
        snapshot(List.of(SIDECAR), policy("STRICT")).withPolicies(policy("DISABLE"), TestPki.NOW);
    assertEquals(MtlsBadge.DISABLE, s.workloads().get(0).badge());
  }

  @Test
  void addedPodGetsAStatusAndRemovedPodLosesIt() {
    MeshSnapshot s = snapshot(List.of(SIDECAR), policy("STRICT")).withPod(PLAIN, TestPki.NOW);
    assertEquals(2, s.workloads().size());
    assertEquals(1, s.withoutPod("shop/cart-1", TestPki.NOW).workloads().size());
  }

  @Test
  void portsListDeclaredAndPolicyPorts() {
    MeshSnapshot s = snapshot(List.of(SIDECAR), policy("STRICT"));
    assertEquals(
        List.of(8080),
        s.workloads().get(0).ports().stream().map(WorkloadStatus.PortStatus::port).toList());
  }

  @Test
  void byNamespaceGroupsSorted() {
    MeshSnapshot s = snapshot(List.of(SIDECAR, PLAIN), List.of());
    assertEquals(List.of("shop"), List.copyOf(s.byNamespace().keySet()));
    assertEquals(2, s.byNamespace().get("shop").size());
  }

  @Test
  void liveUpdatesKeepTheDestinationRulesAndServices() {
    MeshAnalyzer.Inputs in =
        new MeshAnalyzer.Inputs(
            "test",
            false,
            TestPki.NOW,
            Optional.empty(),
            List.of(Namespace.named("shop")),
            List.of(SIDECAR),
            List.of(),
            new ControlPlaneReport(List.of(), List.of(), List.of(), List.of()),
            policy("STRICT"),
            List.of(),
            List.of(new ServiceInfo("shop", "cart", Map.of("app", "cart"), List.of())),
            DestinationRuleParser.parseYaml(
                "kind: DestinationRule\nmetadata: {name: r, namespace: shop}\n"
                    + "spec: {host: cart, trafficPolicy: {tls: {mode: DISABLE}}}\n",
                "shop"));

    MeshSnapshot s =
        MeshAnalyzer.analyze(in).withPod(PLAIN, TestPki.NOW).withPolicies(List.of(), TestPki.NOW);

    assertEquals(in.services(), s.services());
    assertEquals(in.destinationRules(), s.destinationRules());
  }
}
