package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Base64;
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
    return open(withSecrets ? SECRETS : null);
  }

  private ScanResult open(String secrets) throws Exception {
    TarWriter tar =
        new TarWriter()
            .add("bug-report/cluster/k8s-resources", utf8(resources()), DUMPED)
            .add("bug-report/cluster/crs", utf8(customResources()), DUMPED)
            .add(
                "bug-report/proxies/ambient/" + POD + "/config_dump?include_eds",
                Corpus.bytes(Corpus.SIDECAR_DUMP),
                DUMPED);
    if (secrets != null) {
      tar.add("bug-report/cluster/secrets", utf8(secrets), DUMPED);
    }
    Files.write(archive(), tar.gzip());
    return files.open(archive()).contexts().get(0);
  }

  private Path archive() {
    return dir.resolve("bug-report.tar.gz");
  }

  /**
   * {@code kubectl get secrets -A -o yaml} (bug-report --full-secrets): istiod's CA Secret with the
   * dump's root and a private key, and a service account token.
   */
  private static String fullSecrets(String key) {
    return """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Secret
          type: istio.io/ca-root
          metadata: {name: istio-ca-secret, namespace: istio-system}
          data:
            ca-cert.pem: %s
            ca-key.pem: %s
            root-cert.pem: %s
        - apiVersion: v1
          kind: Secret
          type: kubernetes.io/service-account-token
          metadata: {name: istio-reader-token-x2v, namespace: istio-system}
          data:
            token: ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNkluUmxjM1FpZlE=
        """
        .formatted(base64(Corpus.sidecarDumpRoot()), base64(key), base64(Corpus.sidecarDumpRoot()));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(utf8(text));
  }

  private static String caKey() {
    return new TestPki().root("CN=test CA").issue().keyPem();
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
  void fullSecretsGiveTheCaSecretsRootsWithoutTheKey() throws Exception {
    ScanResult r = open(fullSecrets(caKey()));

    MeshRoot ca =
        r.roots().stream()
            .filter(x -> x.kind() == MeshRoot.Kind.ISTIO_CA_SECRET)
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.roots().toString()));
    String rootSha =
        CertificateFiles.decode(utf8(Corpus.sidecarDumpRoot()), "root", new ArrayList<>())
            .get(0)
            .sha256();
    assertEquals("Secret istio-system/istio-ca-secret", ca.origin());
    assertEquals(
        List.of(rootSha, rootSha), ca.certificates().stream().map(c -> c.sha256()).toList());
    assertEquals(List.of("private key entries not read: ca-key.pem"), ca.notes());
    assertEquals(CaMode.SELF_SIGNED, r.mesh().controlPlane().istio().get(0).caMode());
  }

  @Test
  void onlyTheCaSecretIsReadAsRootsNotTheToken() throws Exception {
    ScanResult r = open(fullSecrets(caKey()));

    assertEquals(
        List.of("ConfigMap ambient/istio-ca-root-cert", "Secret istio-system/istio-ca-secret"),
        r.roots().stream().map(MeshRoot::origin).toList());
  }

  @Test
  void theCaKeyOfFullSecretsIsNeverSavedNorPrinted() throws Exception {
    String key = caKey();
    open(fullSecrets(key));
    Snapshot opened = files.open(archive());
    Path saved = dir.resolve("saved.json");

    files.save(opened, saved);

    String text = Files.readString(saved);
    String keyBody = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    assertFalse(text.contains("PRIVATE KEY"));
    assertFalse(text.contains(keyBody));
    assertFalse(text.contains(base64(key)));
    assertFalse(opened.toString().contains(keyBody));
  }

  @Test
  void secretTableGivesNoRootsOfSecrets() throws Exception {
    ScanResult r = open(true);

    assertTrue(
        r.roots().stream().noneMatch(x -> x.kind() == MeshRoot.Kind.ISTIO_CA_SECRET),
        r.roots().toString());
  }

  @Test
  void proxyDumpIsStillJudgedAgainstTheArchivedRoot() throws Exception {
    PodPull p = open(true).pod("ambient/" + POD).orElseThrow();

    assertEquals(PullStatus.PULLED, p.status());
    assertEquals(PodVerdicts.RootMatch.VERIFIES, p.verdicts().orElseThrow().meshRoot());
  }
}
