package dev.meshcert.faults;

import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.MockApiFixtures;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A fabric8 mock API server (CRUD mode) behind a recording, fault-injecting dispatcher. Every
 * request our code sends is recorded with its method, path and, for exec, its command; faults are
 * rules matched in order before the CRUD store answers: a slow answer, an error status, a 429 with
 * Retry-After, a watch stream that ends mid-way, an exec WebSocket that closes mid-output. The app
 * speaks to it through the official client, as to a real API server.
 */
public final class FaultyApiServer implements AutoCloseable {

  /** One request our code sent. */
  public record Request(String method, String path, Map<String, List<String>> query) {

    /** The path without its query. */
    public String bare() {
      int q = path.indexOf('?');
      return q < 0 ? path : path.substring(0, q);
    }

    /** Whether it asks for a WebSocket subresource (exec, attach, port-forward). */
    public boolean isExec() {
      return bare().endsWith("/exec");
    }

    /** The command of an exec request, empty otherwise. */
    public List<String> command() {
      return query.getOrDefault("command", List.of());
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** A scripted answer to the requests it matches, for a number of times. */
  private static final class Rule {
    final Predicate<RecordedRequest> match;
    final Function<RecordedRequest, MockResponse> answer;
    int remaining;

    Rule(Predicate<RecordedRequest> match, int times, Function<RecordedRequest, MockResponse> a) {
      this.match = match;
      this.remaining = times;
      this.answer = a;
    }
  }

  private final Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
  private final KubernetesMixedDispatcher crud = new KubernetesMixedDispatcher(responses);
  private final List<Request> recorded = Collections.synchronizedList(new ArrayList<>());
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final KubernetesMockServer server;
  private final NamespacedKubernetesClient seed;
  private volatile boolean recording;

  public FaultyApiServer() {
    Dispatcher dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return FaultyApiServer.this.dispatch(request);
          }
        };
    server =
        new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
    server.init();
    server.expectCustomResource(MockApiFixtures.PEER_AUTHENTICATION_V1);
    seed = server.createClient();
    recording = true;
  }

  private MockResponse dispatch(RecordedRequest request) {
    if (recording) {
      recorded.add(new Request(request.getMethod(), request.getPath(), query(request.getPath())));
    }
    for (Rule r : rules) {
      synchronized (r) {
        if (r.remaining != 0 && r.match.test(request)) {
          if (r.remaining > 0) {
            r.remaining--;
          }
          return r.answer.apply(request);
        }
      }
    }
    if (request.getPath().contains("watch=true")) {
      // An idle watch that the "server" ends after a while, as a real one does.
      return new MockResponse()
          .setResponseCode(200)
          .setBody("")
          .setBodyDelay(Duration.ofMillis(300));
    }
    return crud.dispatch(request);
  }

  /** Seeds objects through fabric8's client; its requests are not recorded. */
  public void seed(Consumer<NamespacedKubernetesClient> seeding) {
    recording = false;
    try {
      seeding.accept(seed);
    } finally {
      recording = true;
    }
  }

  // ---- faults ----

  /**
   * Answers requests whose path (without query) is {@code path} as {@code answer}, {@code times}
   * times (-1: always).
   */
  public FaultyApiServer on(
      String path, int times, Function<RecordedRequest, MockResponse> answer) {
    rules.add(new Rule(r -> bare(r.getPath()).equals(path) && !isWatch(r), times, answer));
    return this;
  }

  /**
   * Like {@link #on}, but ahead of every rule added before: a fault that interrupts a scripted
   * answer for a while.
   */
  public FaultyApiServer first(String path, int times, Function<RecordedRequest, MockResponse> a) {
    rules.add(0, new Rule(r -> bare(r.getPath()).equals(path) && !isWatch(r), times, a));
    return this;
  }

  /** Answers every exec request (any pod) as {@code answer}, always. */
  public FaultyApiServer onEveryExec(Function<RecordedRequest, MockResponse> answer) {
    rules.add(new Rule(r -> bare(r.getPath()).endsWith("/exec"), -1, answer));
    return this;
  }

  /** Answers watches of {@code path} as {@code answer}, {@code times} times (-1: always). */
  public FaultyApiServer onWatch(
      String path, int times, Function<RecordedRequest, MockResponse> answer) {
    rules.add(new Rule(r -> bare(r.getPath()).equals(path) && isWatch(r), times, answer));
    return this;
  }

  /** The CRUD store's answer, sent only after {@code delay}. */
  public Function<RecordedRequest, MockResponse> slowly(Duration delay) {
    return r -> crud.dispatch(r).setBodyDelay(delay);
  }

  /** A Kubernetes Status error with {@code code}. */
  public static Function<RecordedRequest, MockResponse> status(int code) {
    return r -> statusResponse(code, "scripted " + code + " for " + bare(r.getPath()));
  }

  /** 429 Too Many Requests with a Retry-After of {@code seconds}. */
  public static Function<RecordedRequest, MockResponse> tooManyRequests(int seconds) {
    return r ->
        statusResponse(429, "too many requests, retry after " + seconds + " s")
            .setHeader("Retry-After", String.valueOf(seconds));
  }

  /** A watch stream that sends {@code events} (JSON lines) and then ends. */
  public static Function<RecordedRequest, MockResponse> watchThenDrop(String... events) {
    return r ->
        new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "application/json")
            .setBody(String.join("\n", events) + (events.length == 0 ? "" : "\n"));
  }

  static MockResponse statusResponse(int code, String message) {
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

  // ---- inspection ----

  /** Every request our code sent, in order. */
  public List<Request> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /** How many recorded requests had this path (without query). */
  public long count(String path) {
    return requests().stream().filter(r -> r.bare().equals(path)).count();
  }

  /** The API server URL. */
  public String url() {
    String u = server.url("/");
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** A context pointing at this server with a bearer token. */
  public ResolvedContext context(String token) {
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
            Optional.of(new SecretText(token)),
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
        new KubeContext("mock", "mock", "tester", Optional.empty()), cluster, user, List.of());
  }

  /** A session on this server with a request timeout of {@code timeout}. */
  public ClusterSession session(Duration timeout) throws KubeException {
    return ClusterSession.open(
        context("test-token"),
        SessionOptions.defaults()
            .withRequestTimeout(timeout)
            .withWatch(Duration.ofSeconds(2), Duration.ofMillis(200)));
  }

  private static boolean isWatch(RecordedRequest r) {
    return r.getPath().contains("watch=true");
  }

  static String bare(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  static Map<String, List<String>> query(String path) {
    Map<String, List<String>> out = new HashMap<>();
    int q = path.indexOf('?');
    if (q < 0) {
      return out;
    }
    for (String pair : path.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  @Override
  public void close() {
    seed.close();
    server.destroy();
  }
}
