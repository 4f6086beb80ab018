package dev.meshcert.kube;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.util.WebSocketStreamHandler;
import io.kubernetes.client.util.WebSockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What the probe may do inside a live cluster's pods: run a diagnostic tool ({@code curl}, {@code
 * openssl}, {@code cat}: nothing else is accepted) in a container and read both its output streams
 * and exit code, and open a port-forward stream to a pod's port. Both have timeouts and honour the
 * {@link Cancellation}. Neither writes to the cluster beyond creating the exec and port-forward
 * subresources, which is how Kubernetes spells "connect".
 */
public final class PodAccess {

  /** The executables the probe may run; anything else is refused before a request is sent. */
  public static final Set<String> ALLOWED_TOOLS = Set.of("curl", "openssl", "cat");

  private static final int MAX_STDERR = 1024 * 1024;

  private final ApiCalls calls;
  private final Supplier<Failures.Caller> caller;

  PodAccess(ApiCalls calls, Supplier<Failures.Caller> caller) {
    this.calls = calls;
    this.caller = caller;
  }

  /** What a command printed: its exit code and both streams as text. */
  public record ExecResult(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code command} in {@code container} of {@code namespace/pod}.
   *
   * @throws KubeException when the command could not be run (forbidden, pod or container gone,
   *     timeout, cancelled, not an allowed tool); a command that ran and failed is an {@link
   *     ExecResult} with its exit code
   */
  public ExecResult exec(
      String namespace,
      String pod,
      String container,
      List<String> command,
      Duration timeout,
      Cancellation cancellation)
      throws KubeException {
    Operation op = PodExec.operation(namespace);
    if (command.isEmpty() || !ALLOWED_TOOLS.contains(command.get(0))) {
      throw new KubeException(
          new KubeFailure.NotSupported(
              "running " + (command.isEmpty() ? "nothing" : command.get(0)) + " in a pod",
              "only " + String.join(", ", ALLOWED_TOOLS.stream().sorted().toList()) + " are run"));
    }
    Failures.Caller who = caller.get();
    PodExec.Output o =
        PodExec.execute(
            calls,
            namespace,
            pod,
            container,
            command.toArray(String[]::new),
            timeout,
            cancellation,
            who,
            MAX_STDERR);
    if (o.connectionError() != null && o.stdout().length == 0 && o.stderr().length == 0) {
      throw PodExec.connectionFailure(o.connectionError(), op, who);
    }
    return new ExecResult(
        o.exitCode(),
        new String(o.stdout(), StandardCharsets.UTF_8),
        new String(o.stderr(), StandardCharsets.UTF_8));
  }

  /**
   * Opens one port-forward stream to {@code port} of {@code namespace/pod}, as {@code kubectl
   * port-forward} does for each connection. The bytes enter the pod's network namespace on
   * localhost.
   *
   * @param timeout how long to wait for the stream to open
   * @throws KubeException when it could not be opened (forbidden, pod gone, timeout, cancelled)
   */
  public PortForwardStream portForward(
      String namespace, String pod, int port, Duration timeout, Cancellation cancellation)
      throws KubeException {
    Operation op = new Operation("create", "pods/portforward", Optional.of(namespace));
    if (cancellation.isCancelled()) {
      throw new KubeException(new KubeFailure.Cancelled(op));
    }
    ForwardHandler handler = new ForwardHandler();
    // Take the streams before the socket opens: once the server closes the socket the handler
    // refuses to hand out a stream, even one whose bytes already arrived.
    InputStream data = handler.getInputStream(0);
    InputStream errors = handler.getInputStream(1);
    OutputStream out = handler.getOutputStream(0);
    try {
      String path =
          "/api/v1/namespaces/"
              + calls.client().escapeString(namespace)
              + "/pods/"
              + calls.client().escapeString(pod)
              + "/portforward";
      WebSockets.stream(
          path, "GET", List.of(new Pair("ports", Integer.toString(port))), calls.client(), handler);
    } catch (ApiException e) {
      throw calls.failure(e, op, cancellation);
    } catch (IOException e) {
      throw calls.failure(new ApiException(e), op, cancellation);
    }
    Runnable close = handler::closeSafely;
    cancellation.onCancel(close);
    CompletableFuture<byte[]> prefix =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                // each channel starts with the port number, two bytes little-endian
                return data.readNBytes(2);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try {
      CompletableFuture.anyOf(prefix, handler.failed)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (handler.failed.isDone()) {
        throw new IOException("the port-forward was refused", handler.failed.getNow(null));
      }
      byte[] first = prefix.get();
      if (first.length < 2) {
        throw new IOException("the port-forward stream closed before it started");
      }
      return new PortForwardStream(port, data, out, errors, handler::closeSafely);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handler.closeSafely();
      throw new KubeException(new KubeFailure.Cancelled(op), e);
    } catch (TimeoutException e) {
      handler.closeSafely();
      throw new KubeException(new KubeFailure.Timeout(op, timeout), e);
    } catch (ExecutionException | IOException e) {
      handler.closeSafely();
      Throwable error = handler.failed.getNow(e.getCause());
      if (cancellation.isCancelled()) {
        throw new KubeException(new KubeFailure.Cancelled(op), e);
      }
      throw PodExec.connectionFailure(error == null ? e : error, op, caller.get());
    } finally {
      cancellation.remove(close);
    }
  }

  /**
   * The client's stream handler, made safe for a socket that never opened: the library's own
   * failure path dereferences the missing socket, so the failure is recorded here instead.
   */
  private static final class ForwardHandler extends WebSocketStreamHandler {
    final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    private volatile boolean opened;

    @Override
    public synchronized void open(String protocol, okhttp3.WebSocket socket) {
      opened = true;
      super.open(protocol, socket);
    }

    @Override
    public void failure(Throwable t) {
      failed.complete(t);
      if (opened) {
        closeSafely();
      }
    }

    @Override
    public synchronized void close() {
      if (opened) {
        super.close();
      }
    }

    void closeSafely() {
      if (!opened) {
        return;
      }
      try {
        close();
      } catch (RuntimeException e) {
        // the socket is already gone; nothing is left to close
      }
    }
  }
}
