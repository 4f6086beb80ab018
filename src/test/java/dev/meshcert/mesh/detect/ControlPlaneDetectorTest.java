package dev.meshcert.mesh.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.SecretInfo;
import dev.meshcert.mesh.workload.WorkloadResource;
import dev.meshcert.mesh.workload.WorkloadResource.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlPlaneDetectorTest {

  private final ControlPlaneDetector detector = new ControlPlaneDetector();

  private static WorkloadResource istiod(
      String name, Map<String, String> labels, Map<String, String> env) {
    return new WorkloadResource(
        Kind.DEPLOYMENT,
        "istio-system",
        name,
        labels,
        List.of(Container.of("discovery", "docker.io/istio/pilot:1.24.2").withEnv(env)),
        1,
        1);
  }

  private static ConfigMapData mesh(String name, String yaml) {
    return new ConfigMapData("istio-system", name, Map.of(), Map.of("mesh", yaml));
  }

  private static SecretInfo secret(String name, String... keys) {
    return new SecretInfo("istio-system", name, "Opaque", Set.of(keys));
  }

  private ControlPlaneReport detect(
      List<WorkloadResource> resources, List<ConfigMapData> maps, List<SecretInfo> secrets) {
    return detector.detect(new ControlPlaneInputs(resources, maps, Optional.of(secrets)));
  }

  @Test
  void istiodWithSelfSignedCa() {
    ControlPlaneReport r =
        detect(
            List.of(istiod("istiod", Map.of("app", "istiod"), Map.of())),
            List.of(mesh("istio", "trustDomain: cluster.local\n")),
            List.of(secret("istio-ca-secret", "ca-cert.pem", "ca-key.pem")));
    IstioControlPlane p = r.istio().get(0);
    assertEquals("istio-system", p.namespace());
    assertEquals("default", p.revisions().get(0).revision());
    assertEquals(Optional.of("1.24.2"), p.revisions().get(0).version());
    assertEquals(CaMode.SELF_SIGNED, p.caMode());
    assertEquals(
        List.of("Secret istio-system/istio-ca-secret with ca-cert.pem, ca-key.pem"),
        p.caEvidence());
  }

  @Test
  void cacertsMeansPluggedInEvenBesideASelfSignedSecret() {
    ControlPlaneReport r =
        detect(
            List.of(istiod("istiod", Map.of("app", "istiod"), Map.of())),
            List.of(),
            List.of(
                secret("cacerts", "ca-cert.pem", "ca-key.pem", "root-cert.pem", "cert-chain.pem"),
                secret("istio-ca-secret", "ca-cert.pem", "ca-key.pem")));
    IstioControlPlane p = r.istio().get(0);
    assertEquals(CaMode.PLUGGED_IN, p.caMode());
    assertEquals(2, p.caEvidence().size());
  }

  @Test
  void externalCaEnvironmentMeansExternal() {
    ControlPlaneReport r =
        detect(
            List.of(
                istiod(
                    "istiod",
                    Map.of("app", "istiod"),
                    Map.of("EXTERNAL_CA", "ISTIOD_RA_KUBERNETES_API"))),
            List.of(),
            List.of(secret("istio-ca-secret", "ca-cert.pem")));
    assertEquals(CaMode.EXTERNAL, r.istio().get(0).caMode());
  }

  @Test
  void caAddressOutsideIstiodMeansExternal() {
    ControlPlaneReport r =
        detect(
            List.of(istiod("istiod", Map.of("app", "istiod"), Map.of())),
            List.of(
                mesh(
                    "istio",
                    "defaultConfig:\n  caAddress: cert-manager-istio-csr.cert-manager.svc:443\n")),
            List.of());
    assertEquals(CaMode.EXTERNAL, r.istio().get(0).caMode());
  }

  @Test
  void unreadableSecretsLeaveTheCaModeUnknown() {
    ControlPlaneReport r =
        detector.detect(
            new ControlPlaneInputs(
                List.of(istiod("istiod", Map.of("app", "istiod"), Map.of())),
                List.of(),
                Optional.empty()));
    assertEquals(CaMode.UNKNOWN, r.istio().get(0).caMode());
    assertEquals(1, r.problems().size());
  }

  @Test
  void revisionsReadTheirOwnMeshConfigAndDefaultComesFirst() {
    ControlPlaneReport r =
        detect(
            List.of(
                istiod(
                    "istiod-canary", Map.of("app", "istiod", "istio.io/rev", "canary"), Map.of()),
                istiod("istiod", Map.of("app", "istiod"), Map.of())),
            List.of(
                mesh("istio", "trustDomain: old.example\n"),
                mesh(
                    "istio-canary",
                    "trustDomain: new.example\ntrustDomainAliases: [old.example]\n")),
            List.of());
    IstioControlPlane p = r.istio().get(0);
    assertEquals(
        List.of("default", "canary"),
        p.revisions().stream().map(IstiodRevision::revision).toList());
    assertEquals("old.example", p.trustDomain());
    assertEquals("new.example", p.revisions().get(1).meshConfig().trustDomain());
    assertEquals(Optional.of("istio-canary"), p.revisions().get(1).meshConfigMap());
  }

  @Test
  void missingMeshConfigMapIsAProblemWithDefaults() {
    ControlPlaneReport r =
        detect(List.of(istiod("istiod", Map.of("app", "istiod"), Map.of())), List.of(), List.of());
    MeshConfig c = r.istio().get(0).meshConfig();
    assertEquals("cluster.local", c.trustDomain());
    assertTrue(c.problems().get(0).contains("istio-system/istio not found"));
  }

  @Test
  void rootNamespaceDefaultsToTheControlPlaneNamespace() {
    ControlPlaneReport r =
        detect(List.of(istiod("istiod", Map.of("app", "istiod"), Map.of())), List.of(), List.of());
    assertEquals("istio-system", r.istio().get(0).rootNamespace());
  }

  @Test
  void legacyCitadelIsFoundByItsLabel() {
    WorkloadResource citadel =
        new WorkloadResource(
            Kind.DEPLOYMENT,
            "istio-system",
            "istio-citadel",
            Map.of("istio", "citadel"),
            List.of(Container.of("citadel", "docker.io/istio/citadel:1.1.7")),
            1,
            1);
    ControlPlaneReport r =
        detect(List.of(citadel), List.of(), List.of(secret("istio-ca-secret", "ca-cert.pem")));
    IstioControlPlane p = r.istio().get(0);
    assertEquals(List.of(), p.revisions());
    assertEquals("istio-citadel", p.citadel().orElseThrow().name());
    assertEquals(CaMode.SELF_SIGNED, p.caMode());
  }

  @Test
  void rootCertificateComesFromTheIstioCaRootCertConfigMap() {
    ControlPlaneReport r =
        detect(
            List.of(istiod("istiod", Map.of("app", "istiod"), Map.of())),
            List.of(
                new ConfigMapData(
                    "istio-system",
                    "istio-ca-root-cert",
                    Map.of(),
                    Map.of("root-cert.pem", "-----BEGIN CERTIFICATE-----\n"))),
            List.of());
    assertEquals(Optional.of("-----BEGIN CERTIFICATE-----\n"), r.istio().get(0).rootCertPem());
  }

  @Test
  void spireServerWithTrustDomainAndAgents() {
    List<WorkloadResource> resources = new ArrayList<>();
    resources.add(
        new WorkloadResource(
            Kind.STATEFUL_SET,
            "spire",
            "spire-server",
            Map.of(),
            List.of(Container.of("spire-server", "ghcr.io/spiffe/spire-server:1.9.0")),
            1,
            1));
    resources.add(
        new WorkloadResource(
            Kind.DAEMON_SET,
            "spire",
            "spire-agent",
            Map.of(),
            List.of(Container.of("spire-agent", "ghcr.io/spiffe/spire-agent:1.9.0")),
            3,
            3));
    ControlPlaneReport r =
        detect(
            resources,
            List.of(
                new ConfigMapData(
                    "spire",
                    "spire-server",
                    Map.of(),
                    Map.of("server.conf", "server {\n  trust_domain = \"example.org\"\n}\n"))),
            List.of());
    SpireServer s = r.spire().get(0);
    assertEquals(Optional.of("example.org"), s.trustDomain());
    assertEquals("spire-agent", s.agents().orElseThrow().name());
  }

  @Test
  void clusterWithoutMeshIsEmpty() {
    assertTrue(detect(List.of(), List.of(), List.of()).isEmpty());
  }
}
