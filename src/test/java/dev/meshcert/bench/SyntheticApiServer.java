package dev.meshcert.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback Kubernetes API server for benchmarks: serves {@code pods} pods spread over {@code
 * namespaces} namespaces (pages honour {@code limit} and {@code continue}), the namespaces, and a
 * PeerAuthentication per namespace; every other list is empty. A third of the pods carry an Istio
 * sidecar, a third a Linkerd proxy, the rest nothing. Read-only: anything but GET is refused.
 */
final class SyntheticApiServer implements AutoCloseable {

  private final HttpServer server;
  private final List<String> pods = new ArrayList<>();
  private final List<String> namespaceItems = new ArrayList<>();
  private final List<String> policies = new ArrayList<>();

  private SyntheticApiServer(int podCount, int namespaceCount) throws IOException {
    for (int n = 0; n < namespaceCount; n++) {
      String ns = "team-" + n;
      namespaceItems.add(
          "{\"metadata\":{\"name\":\"" + ns + "\",\"labels\":{\"istio-injection\":\"enabled\"}}}");
      String mode = List.of("STRICT", "PERMISSIVE", "DISABLE").get(n % 3);
      String ports = n % 4 == 0 ? ",\"portLevelMtls\":{\"8080\":{\"mode\":\"PERMISSIVE\"}}" : "";
      String selector = n % 4 == 0 ? ",\"selector\":{\"matchLabels\":{\"app\":\"app-0\"}}" : "";
      policies.add(
          "{\"apiVersion\":\"security.istio.io/v1\",\"kind\":\"PeerAuthentication\","
              + "\"metadata\":{\"name\":\"default\",\"namespace\":\""
              + ns
              + "\",\"resourceVersion\":\"1\"},\"spec\":{\"mtls\":{\"mode\":\""
              + mode
              + "\"}"
              + selector
              + ports
              + "}}");
    }
    for (int i = 0; i < podCount; i++) {
      pods.add(pod(i, "team-" + (i % namespaceCount)));
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static SyntheticApiServer start(int pods, int namespaces) throws IOException {
    return new SyntheticApiServer(pods, namespaces);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static String pod(int i, String ns) {
    String name = "app-" + (i % 7) + "-" + Integer.toHexString(0x10000 + i) + "-x" + (i % 10);
    String app = "app-" + (i % 7);
    StringBuilder containers = new StringBuilder();
    containers.append(
        "{\"name\":\"app\",\"image\":\"example.com/app:1.0\",\"ports\":[{\"containerPort\":8080,"
            + "\"protocol\":\"TCP\"},{\"containerPort\":9090,\"protocol\":\"TCP\"}]}");
    String labels = "\"app\":\"" + app + "\",\"pod-template-hash\":\"abc" + (i % 10) + "\"";
    String annotations = "";
    String init = "";
    switch (i % 3) {
      case 0 -> {
        containers.append(
            ",{\"name\":\"istio-proxy\",\"image\":\"docker.io/istio/proxyv2:1.24.2\","
                + "\"ports\":[{\"containerPort\":15090,\"name\":\"http-envoy-prom\"}]}");
        labels += ",\"security.istio.io/tlsMode\":\"istio\"";
        annotations =
            "\"sidecar.istio.io/status\":\"{\\\"containers\\\":[\\\"istio-proxy\\\"],"
                + "\\\"revision\\\":\\\"default\\\"}\"";
        init = "{\"name\":\"istio-init\",\"image\":\"docker.io/istio/proxyv2:1.24.2\"}";
      }
      case 1 -> {
        containers.append(
            ",{\"name\":\"linkerd-proxy\",\"image\":\"cr.l5d.io/linkerd/proxy:stable-2.14.10\"}");
        labels += ",\"linkerd.io/control-plane-ns\":\"linkerd\"";
        annotations = "\"linkerd.io/proxy-version\":\"stable-2.14.10\"";
      }
      default -> {
        // no mesh
      }
    }
    return "{\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\""
        + ns
        + "\",\"resourceVersion\":\""
        + (100 + i)
        + "\",\"labels\":{"
        + labels
        + "},\"annotations\":{"
        + annotations
        + "},\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"name\":\""
        + app
        + "-abc\",\"uid\":\"u"
        + i
        + "\",\"controller\":true}]},\"spec\":{\"serviceAccountName\":\""
        + app
        + "\",\"nodeName\":\"node-"
        + (i % 20)
        + "\",\"initContainers\":["
        + init
        + "],\"containers\":["
        + containers
        + "]},\"status\":{\"phase\":\"Running\",\"podIP\":\"10.0."
        + (i / 250)
        + "."
        + (i % 250)
        + "\"}}";
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (!"GET".equals(exchange.getRequestMethod())) {
      respond(exchange, 405, "{\"kind\":\"Status\",\"code\":405}");
      return;
    }
    URI uri = exchange.getRequestURI();
    String path = uri.getPath();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    if (path.equals("/api/v1/pods") && !query.contains("labelSelector")) {
      respond(exchange, 200, page(pods, query, "PodList"));
    } else if (path.equals("/api/v1/namespaces")) {
      respond(exchange, 200, page(namespaceItems, query, "NamespaceList"));
    } else if (path.equals("/apis/security.istio.io/v1/peerauthentications")) {
      respond(exchange, 200, page(policies, query, "PeerAuthenticationList"));
    } else {
      respond(exchange, 200, list(List.of(), "List", ""));
    }
  }

  private static String page(List<String> items, String query, String kind) {
    int limit = param(query, "limit", items.size());
    int from = param(query, "continue", 0);
    int to = Math.min(items.size(), from + Math.max(1, limit));
    return list(items.subList(from, to), kind, to < items.size() ? String.valueOf(to) : "");
  }

  private static int param(String query, String name, int fallback) {
    for (String kv : query.split("&")) {
      if (kv.startsWith(name + "=")) {
        try {
          return Integer.parseInt(kv.substring(name.length() + 1));
        } catch (NumberFormatException e) {
          return fallback;
        }
      }
    }
    return fallback;
  }

  private static String list(List<String> items, String kind, String next) {
    return "{\"apiVersion\":\"v1\",\"kind\":\""
        + kind
        + "\",\"metadata\":{\"resourceVersion\":\"1000\",\"continue\":\""
        + next
        + "\"},\"items\":["
        + String.join(",", items)
        + "]}";
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
