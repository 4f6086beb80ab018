package dev.meshcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.meshcert.kube.ClusterConnector;
import dev.meshcert.kube.config.KubeconfigLoader;
import dev.meshcert.testpki.TestPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code meshcert scan} on the demo mesh and on kubeconfigs without a usable cluster. */
class ScanCommandTest {

  @TempDir Path home;

  private record Run(int code, String out, String err) {
    JsonObject json() {
      return JsonParser.parseString(out).getAsJsonObject();
    }
  }

  private Run scan(String kubeconfig, String... args) throws IOException {
    Path file = home.resolve("config");
    Files.writeString(file, kubeconfig);
    ScanCommand command =
        new ScanCommand(
            options ->
                new ClusterConnector(
                    () -> KubeconfigLoader.load(Map.of("KUBECONFIG", file.toString()), home),
                    options,
                    TestPki.CLOCK),
            TestPki.CLOCK);
    CommandLine cli = new CommandLine(command);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static JsonObject pod(JsonObject scan, String namespace, String prefix) {
    return StreamSupport.stream(scan.getAsJsonArray("pods").spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .filter(p -> p.get("namespace").getAsString().equals(namespace))
        .filter(p -> p.get("name").getAsString().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void demoScanOfAllNamespacesListsEveryPodWithItsMode() throws IOException {
    Run r = scan("", "--demo", "-A", "--json");
    JsonObject scan = r.json();
    assertEquals(16, scan.getAsJsonArray("pods").size());
    JsonObject details = pod(scan, "bookinfo", "details");
    assertEquals("ISTIO_SIDECAR", details.get("dataPlane").getAsString());
    assertEquals("STRICT", details.getAsJsonObject("mtls").get("mode").getAsString());
    assertEquals(
        "NO_SIDECAR",
        pod(scan, "legacy", "batch-reporter").getAsJsonObject("mtls").get("badge").getAsString());
  }

  @Test
  void demoScanReportsTheDestinationRuleContradictionsWithExitCodeOne() throws IOException {
    Run r = scan("", "--demo", "-A", "--json");
    assertEquals(ScanCommand.CONFLICTS, r.code(), r.err());
    assertEquals(
        "[\"DISABLE_AGAINST_STRICT\",\"ISTIO_MUTUAL_WITHOUT_SIDECAR\"]",
        StreamSupport.stream(r.json().getAsJsonArray("tlsConflicts").spliterator(), false)
            .map(c -> c.getAsJsonObject().get("kind"))
            .collect(com.google.gson.JsonArray::new, com.google.gson.JsonArray::add, (a, b) -> {})
            .toString());
  }

  @Test
  void demoScanWithoutScopeShowsTheDefaultNamespaceOnly() throws IOException {
    Run r = scan("", "--demo", "--json");
    assertEquals("bookinfo", r.json().get("namespace").getAsString());
    assertEquals(5, r.json().getAsJsonArray("pods").size());
  }

  @Test
  void textOutputShowsEvidenceAndTheDecidingPolicy() throws IOException {
    Run r = scan("", "--demo", "-n", "bookinfo");
    assertTrue(r.out().contains("evidence: Istio sidecar: container istio-proxy"), r.out());
    assertTrue(r.out().contains("port 9080: PERMISSIVE"), r.out());
    assertTrue(r.out().contains("Istio 1.24.2 in istio-system"), r.out());
  }

  @Test
  void withoutContextItSaysWhatToDo() throws IOException {
    Run r = scan("apiVersion: v1\nkind: Config\n");
    assertEquals(ScanCommand.FAILED, r.code());
    assertTrue(r.err().contains("try --demo"), r.err());
  }

  @Test
  void unreachableClusterFailsWithHints() throws IOException {
    String kubeconfig =
        """
        apiVersion: v1
        kind: Config
        current-context: dead
        clusters:
        - name: dead
          cluster: {server: "https://127.0.0.1:1"}
        users:
        - name: me
          user: {token: abc}
        contexts:
        - name: dead
          context: {cluster: dead, user: me}
        """;
    Run r = scan(kubeconfig, "-A", "--timeout", "5");
    assertEquals(ScanCommand.FAILED, r.code());
    assertTrue(r.err().contains("Cannot reach the API server at https://127.0.0.1:1"), r.err());
    assertTrue(r.err().contains("try: "), r.err());
  }

  @Test
  void namespaceAndAllNamespacesExcludeEachOther() throws IOException {
    Run r = scan("", "--demo", "-n", "bookinfo", "-A");
    assertEquals(2, r.code());
  }
}
