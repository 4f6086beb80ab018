package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.mesh.detect.TlsConflict;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving the demo's scan to a snapshot file and opening it with no cluster. */
class SnapshotFilesTest {

  private static DemoCluster demo;
  private static ScanResult scanned;
  private final SnapshotFiles files = new SnapshotFiles(TestPki.CLOCK, "meshcert test");
  @TempDir Path dir;

  @BeforeAll
  static void scan() throws Exception {
    demo = DemoCluster.create(TestPki.CLOCK);
    scanned =
        new MeshCertificateScanner(TestPki.CLOCK)
            .scan(
                demo,
                new ScanTarget.All(),
                ScanOptions.defaults(TestPki.CLOCK).withSecrets(true),
                ScanListener.none(),
                Cancellation.none());
  }

  @AfterAll
  static void close() {
    demo.close();
  }

  private Snapshot roundTrip() throws IOException {
    Path file = dir.resolve("demo.meshcert.json");
    files.save(files.of(List.of(scanned)), file);
    return files.open(file);
  }

  @Test
  void openedSnapshotHasThePodsAndStatusesSaved() throws Exception {
    ScanResult opened = roundTrip().contexts().get(0);

    assertEquals("demo", opened.cluster());
    assertEquals(scanned.counts(), opened.counts());
    assertEquals(scanned.mesh().pods().size(), opened.mesh().pods().size());
    assertEquals(scanned.takenAt(), opened.takenAt());
  }

  @Test
  void openedSnapshotJudgesChainsAsTheScanDid() throws Exception {
    ScanResult opened = roundTrip().contexts().get(0);

    for (PodPull p : scanned.pulled()) {
      PodVerdicts before = p.verdicts().orElseThrow();
      PodVerdicts after = opened.pod(p.ref()).orElseThrow().verdicts().orElseThrow();
      assertEquals(before.identityMatch(), after.identityMatch(), p.ref());
      assertEquals(before.meshRoot(), after.meshRoot(), p.ref());
      assertEquals(before.heldRootsMatchMesh(), after.heldRootsMatchMesh(), p.ref());
      assertEquals(
          before.findings().stream().map(f -> f.rule()).toList(),
          after.findings().stream().map(f -> f.rule()).toList(),
          p.ref());
    }
  }

  @Test
  void openedSnapshotRecomputesTheMeshAnalysis() throws Exception {
    ScanResult opened = roundTrip().contexts().get(0);

    assertEquals(
        scanned.mesh().workloads().stream().map(w -> w.badge()).toList(),
        opened.mesh().workloads().stream().map(w -> w.badge()).toList());
  }

  @Test
  void openedSnapshotShowsTheDestinationRuleConflictsOfTheScan() throws Exception {
    List<String> live = scanned.mesh().tlsConflicts().stream().map(TlsConflict::message).toList();

    ScanResult opened = roundTrip().contexts().get(0);

    assertFalse(live.isEmpty(), "the demo has contradicting DestinationRules");
    assertEquals(live, opened.mesh().tlsConflicts().stream().map(TlsConflict::message).toList());
    assertEquals(scanned.mesh().services(), opened.mesh().services());
    assertEquals(scanned.mesh().destinationRules(), opened.mesh().destinationRules());
  }

  @Test
  void snapshotWrittenWithoutServicesAndDestinationRulesStillOpens() throws Exception {
    Path file = dir.resolve("old.json");
    files.save(files.of(List.of(scanned)), file);
    JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    for (var context : root.getAsJsonArray("contexts")) {
      JsonObject mesh = context.getAsJsonObject().getAsJsonObject("mesh");
      mesh.remove("services");
      mesh.remove("destinationRules");
    }
    Files.writeString(file, root.toString());

    ScanResult opened = files.open(file).contexts().get(0);

    assertEquals(scanned.counts(), opened.counts());
    assertTrue(opened.mesh().destinationRules().isEmpty());
    assertTrue(opened.mesh().tlsConflicts().isEmpty());
  }

  @Test
  void snapshotConvertedToYamlOpensAsTheJson() throws Exception {
    Path json = dir.resolve("demo.json");
    files.save(files.of(List.of(scanned)), json);
    Path yaml =
        Files.write(dir.resolve("demo.yaml"), DumpImportTest.asYaml(Files.readAllBytes(json)));

    ScanResult opened = files.open(yaml).contexts().get(0);

    assertEquals(scanned.counts(), opened.counts());
    assertEquals(
        scanned.mesh().workloads().stream().map(w -> w.badge()).toList(),
        opened.mesh().workloads().stream().map(w -> w.badge()).toList());
    assertEquals(scanned.mesh().destinationRules(), opened.mesh().destinationRules());
  }

  @Test
  void savedFileHoldsNoPrivateKeyOrApplicationEnvironment() throws Exception {
    Path file = dir.resolve("demo.json");
    files.save(files.of(List.of(scanned)), file);
    String text = Files.readString(file, StandardCharsets.UTF_8);

    assertFalse(text.contains("PRIVATE KEY"));
    assertFalse(text.contains("[redacted]"));
    assertTrue(text.contains("\"format\": \"meshcert-snapshot\""));
    assertTrue(text.contains("LINKERD2_PROXY_IDENTITY_LOCAL_NAME"));
  }

  @Test
  void applicationEnvironmentAndLastAppliedSpecAreNotWritten() {
    dev.meshcert.mesh.workload.Workload pod =
        dev.meshcert.mesh.workload.Workload.builder("shop", "cart-1")
            .annotation("kubectl.kubernetes.io/last-applied-configuration", "{\"spec\":{}}")
            .container(
                new dev.meshcert.mesh.workload.Container(
                    "app",
                    "shop/cart:1",
                    List.of(),
                    java.util.Map.of("DB_PASSWORD", "hunter2", "_pod_ns", "shop"),
                    java.util.Optional.empty(),
                    List.of()))
            .build();

    dev.meshcert.mesh.workload.Workload written = SnapshotWriter.redacted(pod);

    assertEquals(java.util.Map.of("_pod_ns", "shop"), written.containers().get(0).env());
    assertFalse(
        written.annotations().containsKey("kubectl.kubernetes.io/last-applied-configuration"));
  }

  @Test
  void newerFormatVersionIsRefused() throws Exception {
    Path file = dir.resolve("future.json");
    Files.writeString(file, "{\"format\":\"meshcert-snapshot\",\"version\":99,\"contexts\":[]}");

    IOException e = assertThrows(IOException.class, () -> files.open(file));
    assertTrue(e.getMessage().contains("version 99 is not supported"), e.getMessage());
  }
}
