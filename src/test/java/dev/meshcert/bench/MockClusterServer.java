package dev.meshcert.bench;

import dev.meshcert.kube.MockApiFixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes API server of {@code pods} Istio sidecar pods, in a process of its own, for
 * measuring the packaged app end to end (bench/fx-stalls.sh): the fabric8 mock server in CRUD mode,
 * seeded with the pods over {@code namespaces} namespaces, their namespaces, an istiod, and
 * PeerAuthentications (mesh-wide STRICT, PERMISSIVE in every fifth namespace, one port exception),
 * with a kubeconfig pointing at it. Watches (which the CRUD mode only serves over WebSocket, while
 * the official client watches over plain HTTP) are held open for their {@code timeoutSeconds} and
 * then end with a bookmark, as a real server does for a cluster where nothing changes. Every
 * request is printed on standard output as {@code <epoch ms> <method> <path>}, after a line {@code
 * ready <url>}; it serves until killed.
 *
 * <p>A latency (default 0) delays every answer but the watches', as a distant API server would.
 *
 * <pre>
 * java -cp ... dev.meshcert.bench.MockClusterServer KUBECONFIG [pods] [namespaces] [latency ms]
 * </pre>
 */
public final class MockClusterServer {

  private static final CustomResourceDefinitionContext PEER_AUTHENTICATION =
      MockApiFixtures.PEER_AUTHENTICATION_V1;

  private static final Pattern TIMEOUT = Pattern.compile("[?&]timeoutSeconds=(\\d+)");
  private static final Pattern VERSION = Pattern.compile("[?&]resourceVersion=(\\d+)");

  /** Held so that its level stays set: the mock logs every request it answers at INFO. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private MockClusterServer() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: MockClusterServer KUBECONFIG [pods] [namespaces] [latency ms]");
      System.exit(2);
    }
    Path kubeconfig = Path.of(args[0]);
    int pods = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int namespaces = args.length > 2 ? Integer.parseInt(args[2]) : 25;
    Duration latency = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 0);
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    PrintStream out = System.out;
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
    boolean[] seeding = {true};
    Dispatcher dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            if (!seeding[0]) {
              synchronized (out) {
                out.println(System.currentTimeMillis() + " " + request.getMethod() + " " + path);
                out.flush();
              }
            }
            if (path.contains("watch=true")) {
              return quietWatch(path);
            }
            MockResponse r = crud.dispatch(request);
            return latency.isZero() || seeding[0] ? r : r.setBodyDelay(latency);
          }
        };
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
    server.init();
    server.expectCustomResource(PEER_AUTHENTICATION);
    long start = System.nanoTime();
    try (NamespacedKubernetesClient client = server.createClient()) {
      seed(client, pods, namespaces);
    }
    seeding[0] = false;
    String url = server.url("/").replaceAll("/$", "");
    Files.writeString(kubeconfig, MockApiFixtures.kubeconfig("bench", url, "bench-token"));
    out.printf(
        "ready %s (%d pods in %d namespaces seeded in %d ms)%n",
        url, pods, namespaces, (System.nanoTime() - start) / 1_000_000);
    out.flush();
  }

  /**
   * A watch of a cluster where nothing changes: held for the watch's own timeout, then a bookmark
   * at the version it started from, so the client resumes from there.
   */
  private static MockResponse quietWatch(String path) {
    Matcher t = TIMEOUT.matcher(path);
    Matcher v = VERSION.matcher(path);
    long seconds = t.find() ? Long.parseLong(t.group(1)) : 300;
    String version = v.find() ? v.group(1) : "1";
    String kind = path.contains("/pods") ? "Pod" : "PeerAuthentication";
    String api = kind.equals("Pod") ? "v1" : "security.istio.io/v1";
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\""
                + kind
                + "\",\"apiVersion\":\""
                + api
                + "\",\"metadata\":{\"resourceVersion\":\""
                + version
                + "\"}}}\n")
        .setBodyDelay(Duration.ofSeconds(seconds));
  }

  private static void seed(NamespacedKubernetesClient client, int pods, int namespaces) {
    KubernetesSerialization json = client.getKubernetesSerialization();
    client.namespaces().resource(namespace(json, "istio-system", false)).create();
    for (int n = 0; n < namespaces; n++) {
      client.namespaces().resource(namespace(json, "ns-" + n, true)).create();
    }
    client.resource(json.unmarshal(istiod(), Pod.class)).create();
    client.resource(json.unmarshal(istiodDeployment(), Deployment.class)).create();
    for (int i = 0; i < pods; i++) {
      client.resource(json.unmarshal(pod(i, "ns-" + (i % namespaces)), Pod.class)).create();
    }
    List<String> policies =
        List.of(
            policy("istio-system", "default", "STRICT", ""),
            policy(
                "ns-0",
                "legacy-port",
                "STRICT",
                ",\"selector\":{\"matchLabels\":{\"app\":\"app-0\"}},\"portLevelMtls\":{\"8080\":{\"mode\":\"PERMISSIVE\"}}"));
    for (String p : policies) {
      create(client, json, p);
    }
    for (int n = 5; n < namespaces; n += 5) {
      create(client, json, policy("ns-" + n, "default", "PERMISSIVE", ""));
    }
  }

  private static void create(
      NamespacedKubernetesClient client, KubernetesSerialization json, String policy) {
    GenericKubernetesResource r = json.unmarshal(policy, GenericKubernetesResource.class);
    client
        .genericKubernetesResources(PEER_AUTHENTICATION)
        .inNamespace(r.getMetadata().getNamespace())
        .resource(r)
        .create();
  }

  private static Namespace namespace(KubernetesSerialization json, String name, boolean injected) {
    String labels = injected ? ",\"labels\":{\"istio-injection\":\"enabled\"}" : "";
    return json.unmarshal(
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
            + name
            + "\""
            + labels
            + "}}",
        Namespace.class);
  }

  private static String policy(String ns, String name, String mode, String rest) {
    return "{\"apiVersion\":\"security.istio.io/v1\",\"kind\":\"PeerAuthentication\","
        + "\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\""
        + ns
        + "\"},\"spec\":{\"mtls\":{\"mode\":\""
        + mode
        + "\"}"
        + rest
        + "}}";
  }

  /** The same pods as the in-JVM harness's (ClusterScreenRig.podList), with the injector's note. */
  static String pod(int i, String ns) {
    String app = "app-" + (i % 40);
    return ("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s-%d\","
            + "\"namespace\":\"%s\",\"labels\":{\"app\":\"%s\","
            + "\"security.istio.io/tlsMode\":\"istio\"},\"annotations\":{"
            + "\"sidecar.istio.io/status\":\"{\\\"containers\\\":[\\\"istio-proxy\\\"]}\"}},"
            + "\"spec\":{\"serviceAccountName\":\"%s\",\"containers\":[{\"name\":\"app\","
            + "\"image\":\"example/app:1\",\"ports\":[{\"containerPort\":8080}]},"
            + "{\"name\":\"istio-proxy\",\"image\":\"docker.io/istio/proxyv2:1.24.2\"}]},"
            + "\"status\":{\"phase\":\"Running\",\"podIP\":\"10.0.%d.%d\"}}")
        .formatted(app, i, ns, app, app, i / 250, i % 250);
  }

  private static String istiod() {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"istiod-7d4f9c-x2p8q\","
        + "\"namespace\":\"istio-system\",\"labels\":{\"app\":\"istiod\",\"istio\":\"pilot\"}},"
        + "\"spec\":{\"serviceAccountName\":\"istiod\",\"containers\":[{\"name\":\"discovery\","
        + "\"image\":\"docker.io/istio/pilot:1.24.2\"}]},\"status\":{\"phase\":\"Running\"}}";
  }

  private static String istiodDeployment() {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"istiod\","
        + "\"namespace\":\"istio-system\",\"labels\":{\"app\":\"istiod\"}},\"spec\":{\"selector\":"
        + "{\"matchLabels\":{\"app\":\"istiod\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":"
        + "\"istiod\"}},\"spec\":{\"containers\":[{\"name\":\"discovery\",\"image\":"
        + "\"docker.io/istio/pilot:1.24.2\"}]}}}}";
  }
}
