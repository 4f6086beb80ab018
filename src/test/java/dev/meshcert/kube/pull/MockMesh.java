package dev.meshcert.kube.pull;

import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.kube.config.KubeCluster;
import dev.meshcert.kube.config.KubeContext;
import dev.meshcert.kube.config.KubeUser;
import dev.meshcert.kube.config.ResolvedContext;
import dev.meshcert.kube.config.SecretText;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A fabric8 mock API server (CRUD mode) that our code reads through the official client, plus the
 * two streaming subresources certificate retrieval uses: {@code pods/portforward} is relayed over
 * the WebSocket channel protocol to real local TCP servers ({@link PortForwardRelay}), and {@code
 * pods/exec} answers from {@link ExecAnswers} with the exec channel protocol. Requests our code
 * sends are recorded; a latency can be added to every API round trip.
 */
final class MockMesh implements AutoCloseable {

  /** What a port-forward to one pod port does. */
  sealed interface Forward {
    /** Relays to a real local server. */
    record Relay(InetSocketAddress target) implements Forward {}

    /** Relays, then drops the connection after {@code bytes} bytes from the server. */
    record DropAfter(InetSocketAddress target, int bytes) implements Forward {}

    /** Accepts the upgrade and never says anything. */
    record Silent() implements Forward {}
  }

  /** Answers one exec. */
  @FunctionalInterface
  interface ExecAnswers {
    /** The reply to {@code argv} in {@code container} of pod {@code ref}, or empty for 404. */
    Optional<ExecReply> answer(String ref, String container, List<String> argv);
  }

  /** What an exec prints and how it exits. */
  record ExecReply(byte[] stdout, String stderr, int exitCode) {
    static ExecReply ok(byte[] stdout) {
      return new ExecReply(stdout, "", 0);
    }

    static ExecReply fails(String stderr, int exitCode) {
      return new ExecReply(new byte[0], stderr, exitCode);
    }
  }

  private final Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
  private final KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Forward> forwards = new ConcurrentHashMap<>();
  private final Map<String, Integer> statusOverrides = new ConcurrentHashMap<>();
  private final PortForwardRelay relay;
  private volatile ExecAnswers exec = (ref, c, argv) -> Optional.empty();
  private volatile boolean recording;
  private final KubernetesMockServer server;
  private final NamespacedKubernetesClient seed;

  MockMesh() {
    this(Duration.ZERO);
  }

  /**
   * @param latency added to every API round trip (each HTTP answer, each WebSocket upgrade)
   */
  MockMesh(Duration latency) {
    this.relay = new PortForwardRelay(latency);
    Dispatcher dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse r = MockMesh.this.dispatch(request);
            if (!latency.isZero() && r.getWebSocketListener() == null) {
              r.setBodyDelay(latency);
            }
            return r;
          }
        };
    server =
        new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
    server.init();
    seed = server.createClient();
    recording = true;
  }

  private MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    if (recording) {
      requests.add(request.getMethod() + " " + path);
    }
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Integer status = statusOverrides.get(bare);
    if (status != null) {
      return status(status, "scripted " + status + " for " + bare);
    }
    if (bare.endsWith("/portforward")) {
      String ref = podRef(bare);
      int port = Integer.parseInt(query(path, "ports").get(0));
      Forward f = forwards.get(ref + ":" + port);
      if (f == null) {
        return status(404, "nothing listens on " + ref + ":" + port);
      }
      return new MockResponse().withWebSocketUpgrade(relay.listener(port, f));
    }
    if (bare.endsWith("/exec")) {
      String ref = podRef(bare);
      List<String> containers = query(path, "container");
      Optional<ExecReply> reply =
          exec.answer(ref, containers.isEmpty() ? "" : containers.get(0), query(path, "command"));
      if (reply.isEmpty()) {
        return status(404, "no container or command for " + ref);
      }
      return new MockResponse().withWebSocketUpgrade(relay.execListener(reply.get()));
    }
    return crud.dispatch(request);
  }

  private static MockResponse status(int code, String message) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":"
                + code
                + ",\"message\":\""
                + message
                + "\"}");
  }

  private static String podRef(String bare) {
    String[] p = bare.split("/");
    // /api/v1/namespaces/{ns}/pods/{name}/{sub}
    return p[4] + "/" + p[6];
  }

  private static List<String> query(String path, String name) {
    List<String> out = new ArrayList<>();
    int q = path.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String kv : path.substring(q + 1).split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0 && kv.substring(0, eq).equals(name)) {
        out.add(URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** Port {@code port} of pod {@code ref} does {@code forward}. */
  void forward(String ref, int port, Forward forward) {
    forwards.put(ref + ":" + port, forward);
  }

  /** Execs are answered by {@code answers}. */
  void exec(ExecAnswers answers) {
    this.exec = answers;
  }

  /** Answers every request to {@code path} (without query) with {@code status}. */
  void respond(String path, int status) {
    statusOverrides.put(path, status);
  }

  /** Runs {@code seeding} through fabric8's client without recording its requests. */
  void seed(Consumer<NamespacedKubernetesClient> seeding) {
    recording = false;
    try {
      seeding.accept(seed);
    } finally {
      recording = true;
    }
  }

  /** Method and path of every request our code sent, in order. */
  List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** A session on this server. */
  ClusterSession session(Duration requestTimeout) throws KubeException {
    String url = server.url("/");
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    KubeCluster cluster =
        new KubeCluster(
            "mock",
            url,
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            Path.of("kubeconfig"));
    KubeUser user =
        new KubeUser(
            "tester",
            Optional.of(new SecretText("test-token")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Path.of("kubeconfig"));
    return ClusterSession.open(
        new ResolvedContext(
            new KubeContext("mock", "mock", "tester", Optional.empty()), cluster, user, List.of()),
        SessionOptions.defaults().withRequestTimeout(requestTimeout));
  }

  @Override
  public void close() {
    relay.close();
    seed.close();
    server.destroy();
  }
}
