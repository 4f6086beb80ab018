package dev.meshcert.kube.pull;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for Envoy's or ztunnel's admin endpoint: every GET is
 * answered with the same body (Content-Length, or chunked when asked), and the paths asked for are
 * recorded.
 */
final class AdminServer implements AutoCloseable {

  private final HttpServer server;
  private final List<String> paths = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  AdminServer(byte[] body, boolean chunked) throws IOException {
    this(body, chunked, Duration.ZERO);
  }

  /**
   * @param think how long each answer takes (requests are served in parallel)
   */
  AdminServer(byte[] body, boolean chunked, Duration think) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "admin-server");
              t.setDaemon(true);
              return t;
            }));
    server.createContext(
        "/",
        exchange -> {
          paths.add(exchange.getRequestURI().toString());
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(think.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            inFlight.decrementAndGet();
          }
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  /** The most requests that were being answered at the same time. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  List<String> paths() {
    synchronized (paths) {
      return List.copyOf(paths);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
