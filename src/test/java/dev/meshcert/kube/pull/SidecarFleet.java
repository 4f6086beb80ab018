package dev.meshcert.kube.pull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.KubeException;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A mesh of {@link #SIZE} Istio sidecars for the scan benchmark, behind the fabric8 mock: {@link
 * #SERVERS} real local Envoy-admin stand-ins, each serving the corpus config_dump with its own
 * workload certificate (for service account {@code sa-K}) put in place of the original, and the
 * namespace's istio-ca-root-cert ConfigMap holding their root. Pod {@code app-N} runs as {@code
 * sa-(N mod SERVERS)} and is forwarded to server {@code N mod SERVERS}.
 */
public final class SidecarFleet implements AutoCloseable {

  /** The number of sidecars. */
  public static final int SIZE = 1000;

  /** The number of distinct workload certificates (and admin servers). */
  public static final int SERVERS = 100;

  /** Their namespace. */
  public static final String NAMESPACE = "fleet";

  /**
   * The mock API server logs every request at INFO (java.util.logging): some 3,000 lines per scan
   * on the benchmark fork's CPU, which a real API server spends elsewhere. Held, so that the level
   * set stays set.
   */
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private final MockMesh mesh;
  private final List<AdminServer> servers = new ArrayList<>();

  private SidecarFleet(Duration latency) {
    MOCK_LOG.setLevel(Level.WARNING);
    this.mesh = new MockMesh(latency);
  }

  /** Starts the mock and the servers and seeds the pods (takes a few seconds). */
  public static SidecarFleet start(Duration latency) throws Exception {
    SidecarFleet f = new SidecarFleet(latency);
    TestPki pki = new TestPki();
    TestPki.Issued root = pki.root("O=cluster.local").issue();
    String dump = Corpus.text(Corpus.SIDECAR_DUMP);
    for (int k = 0; k < SERVERS; k++) {
      TestPki.Issued leaf =
          pki.leaf(root).uriSan("spiffe://cluster.local/ns/" + NAMESPACE + "/sa/sa-" + k).issue();
      f.servers.add(
          new AdminServer(
              withCertificates(dump, leaf.pem(), root.pem()).getBytes(StandardCharsets.UTF_8),
              false));
    }
    f.mesh.seed(
        c -> {
          c.namespaces().resource(Pods.namespace(NAMESPACE)).create();
          c.configMaps()
              .inNamespace(NAMESPACE)
              .resource(
                  Pods.configMap(NAMESPACE, "istio-ca-root-cert", "root-cert.pem", root.pem()))
              .create();
          for (int n = 0; n < SIZE; n++) {
            c.pods()
                .inNamespace(NAMESPACE)
                .resource(Pods.istioSidecar(NAMESPACE, "app-" + n, "sa-" + (n % SERVERS)))
                .create();
          }
        });
    for (int n = 0; n < SIZE; n++) {
      f.mesh.forward(
          NAMESPACE + "/app-" + n,
          15000,
          new MockMesh.Forward.Relay(f.servers.get(n % SERVERS).address()));
    }
    return f;
  }

  /** The corpus dump with its workload chain and root replaced. */
  static String withCertificates(String dump, String chainPem, String rootPem) {
    JsonObject root = JsonParser.parseString(dump).getAsJsonObject();
    for (JsonElement config : root.getAsJsonArray("configs")) {
      for (JsonElement s : config.getAsJsonObject().getAsJsonArray("dynamic_active_secrets")) {
        JsonObject secret = s.getAsJsonObject().getAsJsonObject("secret");
        if (secret.has("tls_certificate")) {
          secret
              .getAsJsonObject("tls_certificate")
              .getAsJsonObject("certificate_chain")
              .addProperty("inline_bytes", base64(chainPem));
        } else if (secret.has("validation_context")) {
          secret
              .getAsJsonObject("validation_context")
              .getAsJsonObject("trusted_ca")
              .addProperty("inline_bytes", base64(rootPem));
        }
      }
    }
    return root.toString();
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }

  /** A session on the mock (close it). */
  public ClusterSession session() throws KubeException {
    return mesh.session(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    servers.forEach(AdminServer::close);
    mesh.close();
  }
}
