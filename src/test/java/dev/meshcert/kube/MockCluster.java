package dev.meshcert.kube;

import dev.meshcert.kube.config.KubeCluster;
import dev.meshcert.kube.config.KubeContext;
import dev.meshcert.kube.config.KubeUser;
import dev.meshcert.kube.config.ResolvedContext;
import dev.meshcert.kube.config.SecretText;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A fabric8 mock API server in CRUD mode, seeded through fabric8's client and read by our code
 * through the official client. Every request our code sends is recorded (seeding is not), and watch
 * requests are answered from scripted event streams, because the mock's CRUD watches only speak
 * WebSocket and the official client watches over plain HTTP.
 */
final class MockCluster implements AutoCloseable {

  /** The PeerAuthentication CRD, v1. */
  static final CustomResourceDefinitionContext PEER_AUTHENTICATION_V1 =
      MockApiFixtures.PEER_AUTHENTICATION_V1;

  /** One recorded request. */
  record Request(String method, String path, Map<String, String> headers) {}

  private final Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
  private final KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
  private final List<Request> recorded = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Queue<MockResponse>> watches = new ConcurrentHashMap<>();
  private final Map<String, Integer> statusOverrides = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final Map<String, Queue<Function<RecordedRequest, MockResponse>>> answers =
      new ConcurrentHashMap<>();
  private volatile boolean recording;
  private final KubernetesMockServer server;
  private final NamespacedKubernetesClient seed;

  MockCluster() {
    Dispatcher dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return MockCluster.this.dispatch(request);
          }
        };
    server =
        new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
    server.init();
    server.expectCustomResource(PEER_AUTHENTICATION_V1);
    seed = server.createClient();
    recording = true;
  }

  private MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    if (recording) {
      Map<String, String> headers = new HashMap<>();
      request
          .getHeaders()
          .toMultimap()
          .forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
      recorded.add(new Request(request.getMethod(), path, headers));
    }
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Duration delay = delays.get(bare);
    if (delay != null) {
      return new MockResponse()
          .setResponseCode(200)
          .setHeader("Content-Type", "application/json")
          .setBody("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}")
          .setBodyDelay(delay);
    }
    Integer status = statusOverrides.get(bare);
    if (status != null) {
      return new MockResponse()
          .setResponseCode(status)
          .setHeader("Content-Type", "application/json")
          .setBody(
              "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":"
                  + status
                  + ",\"message\":\"scripted "
                  + status
                  + " for "
                  + bare
                  + "\"}");
    }
    Queue<Function<RecordedRequest, MockResponse>> scriptedAnswers = answers.get(path);
    Function<RecordedRequest, MockResponse> answer =
        scriptedAnswers == null ? null : scriptedAnswers.poll();
    if (answer != null) {
      return answer.apply(request);
    }
    if (path.contains("watch=true")) {
      Queue<MockResponse> q = watches.get(bare);
      MockResponse scripted = q == null ? null : q.poll();
      if (scripted != null) {
        return scripted;
      }
      // Nothing scripted: an idle watch that the "server" ends after a while.
      return new MockResponse()
          .setResponseCode(200)
          .setBody("")
          .setBodyDelay(Duration.ofMillis(300));
    }
    return crud.dispatch(request);
  }

  /** fabric8's client, for seeding objects. Its requests are not recorded. */
  NamespacedKubernetesClient seed() {
    return seed;
  }

  /** Runs {@code seeding} without recording its requests. */
  void seed(java.util.function.Consumer<NamespacedKubernetesClient> seeding) {
    recording = false;
    try {
      seeding.accept(seed);
    } finally {
      recording = true;
    }
  }

  /** Answers every request to {@code path} (without query) with {@code status}. */
  void respond(String path, int status) {
    statusOverrides.put(path, status);
  }

  /** Serves another custom resource kind from the CRUD store. */
  void expectCustomResource(CustomResourceDefinitionContext crd) {
    server.expectCustomResource(crd);
  }

  /** Seeds every document of a YAML stream as a custom resource of {@code crd}. */
  void seedYaml(CustomResourceDefinitionContext crd, String yaml, String defaultNamespace) {
    seed(
        c -> {
          for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (doc.isBlank()) {
              continue;
            }
            io.fabric8.kubernetes.api.model.GenericKubernetesResource r =
                c.getKubernetesSerialization()
                    .unmarshal(
                        doc, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
            String ns =
                r.getMetadata().getNamespace() == null
                    ? defaultNamespace
                    : r.getMetadata().getNamespace();
            c.genericKubernetesResources(crd).inNamespace(ns).resource(r).create();
          }
        });
  }

  /** Answers {@code path} with an empty list only after {@code delay}. */
  void respondSlowly(String path, Duration delay) {
    delays.put(path, delay);
  }

  /**
   * Answers the next request to exactly {@code pathAndQuery} with {@code answer}, once (for exec:
   * {@code dev.meshcert.faults.ExecScripts}, whose frames do not depend on the mock's timers).
   */
  void answerOnce(String pathAndQuery, Function<RecordedRequest, MockResponse> answer) {
    answers.computeIfAbsent(pathAndQuery, k -> new ConcurrentLinkedQueue<>()).add(answer);
  }

  /** Expectations of the mock (answered before the CRUD store), for scripted pages. */
  io.fabric8.mockwebserver.dsl.MockServerExpectation expect() {
    return server.expect();
  }

  /** Scripts the next watch of {@code path}: the events (JSON lines), then the stream ends. */
  void scriptWatch(String path, String... events) {
    watches
        .computeIfAbsent(path, k -> new ConcurrentLinkedQueue<>())
        .add(
            new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setBody(String.join("\n", events) + (events.length == 0 ? "" : "\n")));
  }

  /** Scripts the next watch of {@code path} to fail with {@code status}. */
  void scriptWatchFailure(String path, int status) {
    watches
        .computeIfAbsent(path, k -> new ConcurrentLinkedQueue<>())
        .add(
            new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody("{\"kind\":\"Status\",\"code\":" + status + ",\"message\":\"scripted\"}"));
  }

  /** The API server URL. */
  String url() {
    String u = server.url("/");
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** Every request our code sent, in order. */
  List<Request> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /** Method and path of every request. */
  List<String> requestLines() {
    return requests().stream().map(r -> r.method() + " " + r.path()).toList();
  }

  /** Forgets the requests recorded so far. */
  void clearRequests() {
    recorded.clear();
  }

  /** A context pointing at this server with a bearer token. */
  ResolvedContext context(String name, Optional<String> namespace) {
    KubeCluster cluster =
        new KubeCluster(
            "mock",
            url(),
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
    return new ResolvedContext(
        new KubeContext(name, "mock", "tester", namespace), cluster, user, List.of());
  }

  /** A session on this server with short timeouts. */
  ClusterSession session(Optional<String> namespace) throws KubeException {
    return ClusterSession.open(
        context("mock", namespace),
        SessionOptions.defaults()
            .withRequestTimeout(Duration.ofSeconds(5))
            .withWatch(Duration.ofSeconds(2), Duration.ofMillis(200)));
  }

  @Override
  public void close() {
    seed.close();
    server.destroy();
  }
}
