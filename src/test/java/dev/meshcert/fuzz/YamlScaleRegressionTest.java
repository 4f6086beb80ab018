package dev.meshcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.KubeObjects;
import dev.meshcert.kube.config.KubeconfigLoader;
import dev.meshcert.mesh.detect.MeshConfigParser;
import dev.meshcert.mesh.policy.PeerAuthenticationParser;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regressions found when the fuzz run got the cluster-side targets (mutant 480 of seed 20261204:
 * {@code kubeconfig.yaml} with its {@code client-key-data} line repeated 817 times). The inputs are
 * made here rather than stored: they are 1-2 MB of repeated lines.
 */
class YamlScaleRegressionTest {

  @TempDir Path dir;

  /**
   * {@code kubectl get secrets -o yaml} of 800 TLS Secrets: 800 one-line base64 values of about 2
   * KB. {@code YamlLongTokens}' pattern tried every position inside each value again (quadratic in
   * its length): 16-23 s in each of the five YAML readers. Run through every fuzz target with the
   * fuzz run's CPU-time watchdog (5 s per call; now well under one).
   */
  @Test
  void secretListOf800OneLineCertificatesPassesEveryTarget() {
    String crt =
        Base64.getEncoder()
            .encodeToString(
                new TestPki().root("CN=scale").issue().pem().getBytes(StandardCharsets.UTF_8));
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
    for (int i = 0; i < 800; i++) {
      yaml.append("- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: s")
          .append(i)
          .append("\n    namespace: default\n  type: kubernetes.io/tls\n  data:\n    tls.crt: ")
          .append(crt)
          .append('\n');
    }
    Seeds.Seed seed =
        new Seeds.Seed("secret-list-800", yaml.toString().getBytes(StandardCharsets.UTF_8));
    FuzzRunner.Config config =
        new FuzzRunner.Config(
            0, 0, -1, Duration.ofSeconds(5), Duration.ZERO, Path.of("target", "fuzz", "scale"));
    FuzzRunner.Result result = new FuzzRunner(Targets.all()).run(List.of(seed), config);
    assertTrue(result.failures().isEmpty(), FuzzReport.text(config, result));
  }

  /**
   * The kubeconfig loader, PeerAuthentication parser and mesh config parser used SnakeYAML's
   * default options, which log one warning per duplicate key (817 lines on stderr for the mutant).
   */
  @Test
  void duplicateKeysAreNotLoggedByTheClusterSideParsers() throws Exception {
    String yaml = "apiVersion: v1\nkind: Config\n" + "current-context: a\n".repeat(500);
    Files.writeString(dir.resolve("config"), yaml);
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger snakeyaml = Logger.getLogger("org.yaml.snakeyaml");
    snakeyaml.addHandler(handler);
    try {
      KubeconfigLoader.load(List.of(dir.resolve("config")));
      PeerAuthenticationParser.parseYaml(yaml, "default");
      MeshConfigParser.parse(yaml);
      KubeObjects.read(yaml);
    } finally {
      snakeyaml.removeHandler(handler);
    }
    assertEquals(0, records.size(), records.isEmpty() ? "" : records.get(0).getMessage());
  }
}
