package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.detect.CaMode;
import dev.meshcert.mesh.detect.IstioControlPlane;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * An istioctl bug-report archive's cluster YAML imported as a live scan reads a cluster: policies
 * ({@code cluster/crs}, from corpus PeerAuthentications and DestinationRules), the control plane
 * and mesh config ({@code cluster/k8s-resources}) and the CA mode ({@code cluster/secrets}).
 */
class BugReportImportTest {

  private static final Instant DUMPED = Instant.parse("2023-05-15T12:00:00Z");
  private static final String POD = "waypoint-7d8f9-abcde";
  private static final String MESH_WIDE =
      "istio/tests/integration/ambient/testdata/beta-mtls-permissive.yaml";
  private static final String STRICT_NAMESPACE =
      "istio/tests/testdata/config/peer-authn-strict.yaml";
  private static final String SECRETS =
      """
      NAMESPACE      NAME                     TYPE                                  DATA   AGE
      istio-system   istio-ca-secret          istio.io/ca-root                      5      3d
      istio-system   istio-reader-token-x2v   kubernetes.io/service-account-token   3      3d
      """;

  private final SnapshotFiles files = new SnapshotFiles(TestPki.CLOCK, "meshcert test");
  @TempDir Path dir;

  private static String resources() {
    return """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Namespace
          metadata: {name: istio-system}
        - apiVersion: v1
          kind: Namespace
          metadata: {name: ambient}
        - apiVersion: v1
          kind: Namespace
          metadata: {name: testns}
        - apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: istiod
            namespace: istio-system
            labels: {app: istiod}
          spec:
            selector: {matchLabels: {app: istiod}}
            template:
              metadata: {labels: {app: istiod}}
              spec:
                containers:
                - name: discovery
                  image: docker.io/istio/pilot:1.18.0
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: istio, namespace: istio-system}
          data:
            mesh: |
              trustDomain: prod.example.org
        - apiVersion: v1
          kind: Pod
          metadata:
            name: %s
            namespace: ambient
            annotations:
              sidecar.istio.io/status: '{"revision":"default"}'
          spec:
            serviceAccountName: namespace-istio-waypoint
            containers:
            - name: istio-proxy
              image: docker.io/istio/proxyv2:1.18.0
        - apiVersion: v1
          kind: Pod
          metadata:
            name: reviews-v1-5b4d7c8f9-xk2lp
            namespace: testns
            annotations:
              sidecar.istio.io/status: '{"revision":"default"}'
          spec:
            serviceAccountName: reviews
            containers:
            - name: istio-proxy
              image: docker.io/istio/proxyv2:1.18.0
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: istio-ca-root-cert, namespace: ambient}
          data:
            root-cert.pem: |
        %s
        """
        .formatted(POD, Corpus.sidecarDumpRoot().indent(6).stripTrailing());
  }

  /** The corpus objects as {@code kubectl get -o yaml} lists them: one List, namespaces set. */
  @SuppressWarnings("unchecked")
  private static String customResources() {
    List<Object> items = new ArrayList<>();
    for (String path : List.of(MESH_WIDE, STRICT_NAMESPACE)) {
      for (Object doc : new Yaml().loadAll(Corpus.text(path))) {
        if (!(doc instanceof Map<?, ?>)) {
          continue; // an empty document
        }
        Map<String, Object> object = (Map<String, Object>) doc;
        ((Map<String, Object>) object.get("metadata")).putIfAbsent("namespace", "istio-system");
        items.add(object);
      }
    }
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", items);
    return new Yaml().dump(list);
  }

  private ScanResult open(boolean withSecrets) throws Exception {
    TarWriter tar =
        new TarWriter()
            .add("bug-report/cluster/k8s-resources", utf8(resources()), DUMPED)
            .add("bug-report/cluster/crs", utf8(customResources()), DUMPED)
            .add(
                "bug-report/proxies/ambient/" + POD + "/config_dump?include_eds",
                Corpus.bytes(Corpus.SIDECAR_DUMP),
                DUMPED);
    if (withSecrets) {
      tar.add("bug-report/cluster/secrets", utf8(SECRETS), DUMPED);
    }
    Path f = dir.resolve("bug-report.tar.gz");
    Files.write(f, tar.gzip());
    return files.open(f).contexts().get(0);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void peerAuthenticationsOfTheArchiveDecideItsPodsModes() throws Exception {
    ScanResult r = open(true);

    List<String> policies =
        r.mesh().policies().stream()
            .map(ParsedPeerAuthentication::ref)
            .map(Object::toString)
            .toList();
    assertEquals(2, policies.size(), policies.toString());
    assertEquals(MtlsBadge.PERMISSIVE, r.mesh().workload("ambient/" + POD).orElseThrow().badge());
    assertEquals(
        MtlsBadge.STRICT,
        r.mesh().workload("testns/reviews-v1-5b4d7c8f9-xk2lp").orElseThrow().badge());
  }

  @Test
  void destinationRulesOfTheArchiveAreImported() throws Exception {
    ScanResult r = open(true);

    assertEquals(1, r.mesh().destinationRules().size(), r.mesh().destinationRules().toString());
    assertEquals("*.local", r.mesh().destinationRules().get(0).host());
    assertEquals("istio-system", r.mesh().destinationRules().get(0).ref().namespace());
  }

  @Test
  void controlPlaneAndItsMeshConfigComeFromTheArchivedResources() throws Exception {
    ScanResult r = open(true);

    IstioControlPlane istio = r.mesh().controlPlane().istio().get(0);
    assertEquals("istio-system", istio.namespace());
    assertEquals("1.18.0", istio.revisions().get(0).version().orElseThrow());
    assertEquals("prod.example.org", istio.trustDomain());
  }

  @Test
  void secretListGivesTheCaMode() throws Exception {
    assertEquals(CaMode.SELF_SIGNED, open(true).mesh().controlPlane().istio().get(0).caMode());
  }

  @Test
  void archiveWithoutSecretListLeavesTheCaModeUnknown() throws Exception {
    ScanResult r = open(false);

    assertEquals(CaMode.UNKNOWN, r.mesh().controlPlane().istio().get(0).caMode());
    assertTrue(
        r.mesh().problems().stream().anyMatch(p -> p.contains("Secrets could not be listed")),
        r.mesh().problems().toString());
  }

  @Test
  void proxyDumpIsStillJudgedAgainstTheArchivedRoot() throws Exception {
    PodPull p = open(true).pod("ambient/" + POD).orElseThrow();

    assertEquals(PullStatus.PULLED, p.status());
    assertEquals(PodVerdicts.RootMatch.VERIFIES, p.verdicts().orElseThrow().meshRoot());
  }
}
