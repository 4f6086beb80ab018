package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Real dumps of the corpus imported as snapshots: loose files and an istioctl bug-report. */
class DumpImportTest {

  private static final Instant DUMPED = Instant.parse("2023-05-15T12:00:00Z");
  private static final String POD = "waypoint-7d8f9-abcde";
  private final SnapshotFiles files = new SnapshotFiles(TestPki.CLOCK, "meshcert test");
  @TempDir Path dir;

  private Path file(String name, byte[] content) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, content);
    Files.setLastModifiedTime(f, FileTime.from(DUMPED));
    return f;
  }

  @Test
  void looseEnvoyDumpBecomesOnePodNamedAfterTheFile() throws Exception {
    ScanResult r =
        files.open(file("productpage.json", Corpus.bytes(Corpus.SIDECAR_DUMP))).contexts().get(0);

    PodPull p = r.pod("ambient/productpage").orElseThrow();
    assertEquals(PullStatus.PULLED, p.status());
    assertEquals(
        "6fbee254c22900615cb1f74e3d2f1713",
        p.pulled().orElseThrow().leaf().orElseThrow().serialHex());
    assertEquals(PodVerdicts.IdentityMatch.MATCHES, p.verdicts().orElseThrow().identityMatch());
    assertEquals(DUMPED, r.takenAt());
  }

  /** What {@code istioctl ... -o yaml} prints for the same dump: JSON turned into block YAML. */
  static byte[] asYaml(byte[] json) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Object tree = new Yaml().load(new String(json, StandardCharsets.UTF_8));
    return new Yaml(options).dump(tree).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void looseEnvoyDumpInYamlIsImportedAsInJson() throws Exception {
    byte[] yaml = asYaml(Corpus.bytes(Corpus.SIDECAR_DUMP));

    ScanResult r = files.open(file("productpage.yaml", yaml)).contexts().get(0);

    PodPull p = r.pod("ambient/productpage").orElseThrow();
    assertEquals(PullStatus.PULLED, p.status(), p.reason().orElse(""));
    assertEquals(
        "6fbee254c22900615cb1f74e3d2f1713",
        p.pulled().orElseThrow().leaf().orElseThrow().serialHex());
  }

  @Test
  void looseZtunnelDumpInYamlIsImportedAsInJson() throws Exception {
    byte[] yaml = asYaml(Corpus.bytes(Corpus.ZTUNNEL_DUMP));

    ScanResult r = files.open(file("ztunnel.yaml", yaml)).contexts().get(0);

    assertEquals(
        "e5dfb59150b2ba7f108d93dcec5aa613",
        r.pod("istio-system/istiod")
            .orElseThrow()
            .pulled()
            .orElseThrow()
            .leaf()
            .orElseThrow()
            .serialHex());
  }

  @Test
  void looseZtunnelDumpBecomesOnePodPerIdentityWithACertificate() throws Exception {
    ScanResult r =
        files.open(file("ztunnel.json", Corpus.bytes(Corpus.ZTUNNEL_DUMP))).contexts().get(0);

    assertEquals(1, r.pods().size(), r.pods().toString());
    PodPull p = r.pod("istio-system/istiod").orElseThrow();
    assertEquals(
        "e5dfb59150b2ba7f108d93dcec5aa613",
        p.pulled().orElseThrow().leaf().orElseThrow().serialHex());
  }

  @Test
  void bugReportArchiveGivesTheClusterPodsRootsAndProxyDumps() throws Exception {
    String rootPem = Corpus.sidecarDumpRoot();
    String resources =
        """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: %s
            namespace: ambient
            annotations:
              sidecar.istio.io/status: '{"revision":"default"}'
            creationTimestamp: 2023-05-15T01:00:00Z
          spec:
            serviceAccountName: namespace-istio-waypoint
            containers:
            - name: istio-proxy
              image: docker.io/istio/proxyv2:1.18.0
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: istio-ca-root-cert
            namespace: ambient
          data:
            root-cert.pem: |
        %s
        """
            .formatted(POD, rootPem.indent(6).stripTrailing());
    byte[] archive =
        new TarWriter()
            .add(
                "bug-report/cluster/cluster-context",
                "prod-east\nhttps://10.0.0.1:6443\n".getBytes(StandardCharsets.UTF_8),
                DUMPED)
            .add(
                "bug-report/cluster/k8s-resources",
                resources.getBytes(StandardCharsets.UTF_8),
                DUMPED)
            .add(
                "bug-report/proxies/ambient/" + POD + "/config_dump?include_eds",
                Corpus.bytes(Corpus.SIDECAR_DUMP),
                DUMPED)
            .gzip();

    Snapshot s = files.open(file("bug-report.tar.gz", archive));

    ScanResult r = s.contexts().get(0);
    assertEquals("prod-east", r.cluster());
    PodPull p = r.pod("ambient/" + POD).orElseThrow();
    assertEquals(PullStatus.PULLED, p.status(), p.reason().orElse("") + s.problems());
    assertEquals(MeshRoot.Kind.ISTIO_ROOT_CONFIGMAP, r.roots().get(0).kind());
    assertEquals(PodVerdicts.RootMatch.VERIFIES, p.verdicts().orElseThrow().meshRoot());
    assertTrue(s.savedBy().contains("bug-report"), s.savedBy());
  }

  @Test
  void longProxyPathsInPaxHeadersAreRead() throws Exception {
    String longPod = "a-very-long-pod-name-for-a-deployment-with-a-long-name-7d8f9b6c5d-abcde";
    byte[] archive =
        new TarWriter()
            .add(
                "bug-report/proxies/ambient/" + longPod + "/config_dump?include_eds",
                Corpus.bytes(Corpus.SIDECAR_DUMP),
                DUMPED)
            .gzip();

    ScanResult r = files.open(file("bug-report.tgz", archive)).contexts().get(0);

    assertEquals(PullStatus.PULLED, r.pod("ambient/" + longPod).orElseThrow().status());
  }
}
