package dev.meshcert.guarantees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.cli.MeshCertCli;
import dev.meshcert.faults.ExecScripts;
import dev.meshcert.faults.FaultyApiServer;
import dev.meshcert.faults.Pods;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.kube.config.Kubeconfig;
import dev.meshcert.kube.config.KubeconfigLoader;
import dev.meshcert.kube.pull.ScanResult;
import dev.meshcert.kube.pull.SnapshotFiles;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.testpki.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No private key, token or Secret data comes out: markers are planted in the inputs ({@link
 * Planted}: a PEM with its key, a TLS Secret with a password and a token, a kubeconfig with a token
 * and a client key) and every output is searched for them: the CLI's text and JSON reports, every
 * log line at every level, the kube layer's failures and records, the scan snapshot, and a saved
 * certificate snapshot (kube.pull) of pods whose exec prints the key and a Secret holding it. The
 * window's text and the clipboard are searched by {@link SecretsOnScreenTest}.
 */
class SecretsTest {

  @TempDir Path dir;
  final Planted planted = new Planted();

  private static String cli(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      MeshCertCli.run(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private List<String> args(String... first) throws Exception {
    List<String> a = new ArrayList<>(List.of(first));
    planted.write(dir).forEach(p -> a.add(p.toString()));
    return a;
  }

  @Test
  void cliTextReportHasNoPlantedSecret() throws Exception {
    String out = cli(args("inspect").toArray(String[]::new));
    assertTrue(out.contains("spiffe://cluster.local/ns/shop/sa/cart"), out);
    assertEquals(List.of(), planted.leaked(out), out);
  }

  @Test
  void cliJsonReportHasNoPlantedSecret() throws Exception {
    String out = cli(args("inspect", "--json").toArray(String[]::new));
    assertTrue(out.contains("spiffe://cluster.local/ns/shop/sa/cart"), out);
    assertEquals(List.of(), planted.leaked(out), out);
  }

  @Test
  void logsAtEveryLevelHaveNoPlantedSecret() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      cli(args("inspect").toArray(String[]::new));
      cli(args("inspect", "--json").toArray(String[]::new));
      clusterFlows();
      assertEquals(List.of(), planted.leaked(logs.text()), logs.text());
    }
  }

  @Test
  void kubeconfigRecordsHaveNoPlantedSecret() throws Exception {
    planted.write(dir);
    Kubeconfig k = KubeconfigLoader.load(List.of(dir.resolve("kubeconfig.yaml")));
    String text = k + "\n" + k.resolve("shop") + "\n" + k.problems();
    assertTrue(text.contains("cart"), text);
    assertEquals(List.of(), planted.leaked(text), text);
  }

  @Test
  void rejectedTokenFailureDoesNotNameTheToken() throws Exception {
    try (FaultyApiServer api = new FaultyApiServer()) {
      api.on("/api/v1/namespaces", -1, FaultyApiServer.status(401));
      try (ClusterSession s =
          ClusterSession.open(api.context(planted.token), SessionOptions.defaults())) {
        KubeException e =
            assertThrows(KubeException.class, () -> s.namespaces(Cancellation.none()));
        KubeFailure f = e.failure();
        String text = f.title() + "\n" + f.detail() + "\n" + f.hints() + "\n" + f + "\n" + e;
        assertTrue(f instanceof KubeFailure.Unauthorized, text);
        assertEquals(List.of(), planted.leaked(text), text);
      }
    }
  }

  @Test
  void scanSnapshotHasNoPlantedSecret() throws Exception {
    MeshSnapshot snap = clusterFlows();
    assertFalse(snap.workloads().isEmpty());
    assertEquals(List.of(), planted.leaked(snap.toString()));
  }

  @Test
  void savedSnapshotHasNoPlantedSecret() throws Exception {
    try (FaultyApiServer api = new FaultyApiServer()) {
      // cert-chain.pem holds the key too (a combined file), key.pem is read to match the leaf
      PullFlows.seedFiles(
          api, planted.leaf.pem() + planted.keyPem, planted.keyPem, planted.root.pem());
      api.seed(
          c ->
              c.secrets()
                  .inNamespace("shop")
                  .resource(
                      new io.fabric8.kubernetes.api.model.SecretBuilder()
                          .withNewMetadata()
                          .withName("cart-tls")
                          .withNamespace("shop")
                          .endMetadata()
                          .withType("kubernetes.io/tls")
                          .addToData("tls.crt", Planted.b64(planted.leaf.pem()))
                          .addToData("tls.key", Planted.b64(planted.keyPem))
                          .addToData("password", planted.secretBase64)
                          .build())
                  .create());
      ScanResult result = PullFlows.pullAll(api, planted.token);
      Path file = dir.resolve("snapshot.json");
      SnapshotFiles files = new SnapshotFiles(TestPki.CLOCK, "meshcert-test");
      files.save(files.of(List.of(result)), file);
      String saved = Files.readString(file);
      assertTrue(saved.contains("cart-v1-abc"), "the snapshot holds the pods");
      String leafLine = planted.leaf.pem().lines().filter(l -> l.length() == 64).findFirst().get();
      assertTrue(saved.contains(leafLine), "the snapshot holds the pulled certificate");
      assertEquals(List.of(), planted.leaked(saved), planted.where(saved));
      assertEquals(List.of(), planted.leaked(result.toString()), planted.where(result.toString()));
    }
  }

  /**
   * A scan and a certificate read with the planted token, where the pod's exec answer carries the
   * planted private key (a sidecar that would not redact it).
   */
  private MeshSnapshot clusterFlows() throws Exception {
    try (FaultyApiServer api = new FaultyApiServer()) {
      api.seed(c -> c.resource(Pods.istio("shop", "cart-v1-abc")).create());
      api.onEveryExec(ExecScripts.prints(planted.leaf.pem() + planted.keyPem, 0));
      try (ClusterSession s =
          ClusterSession.open(
              api.context(planted.token),
              SessionOptions.defaults().withRequestTimeout(Duration.ofSeconds(5)))) {
        MeshSnapshot snap =
            new MeshScanner(TestPki.CLOCK).scan(s, NamespaceScope.of("shop"), Cancellation.none());
        s.certificates(
            Workload.builder("shop", "cart-v1-abc").build(),
            new CertSource.MountedFiles("app", "/etc/certs/", "certs"),
            Cancellation.none());
        return snap;
      }
    }
  }
}
