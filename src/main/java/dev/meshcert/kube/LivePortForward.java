package dev.meshcert.kube;

import io.kubernetes.client.PortForward;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.util.WebSocketStreamHandler;
import io.kubernetes.client.util.WebSockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link PortForwardStream} over the official client's port-forward (WebSocket; channel 0 data, 1
 * errors; {@link PortForward.PortForwardResult}). Opening waits for the server's port header within
 * the timeout; a refused upgrade becomes a typed failure naming {@code pods/portforward}.
 */
final class LivePortForward implements PortForwardStream {

  private static final Pattern HTTP_CODE = Pattern.compile("\\b(401|403|404)\\b");

  private final WebSocketStreamHandler handler;
  private final InputStream input;
  private final OutputStream output;
  private final Cancellation cancellation;
  private final Runnable closeOnCancel = this::close;
  private volatile boolean closed;

  private LivePortForward(
      WebSocketStreamHandler handler,
      PortForward.PortForwardResult result,
      int port,
      Cancellation cancellation)
      throws IOException {
    this.handler = handler;
    this.input = result.getInputStream(port);
    this.output = result.getOutboundStream(port);
    this.cancellation = cancellation;
    if (input == null || output == null) {
      handler.close();
      throw new IOException("the API server forwarded another port than " + port);
    }
    cancellation.onCancel(closeOnCancel);
  }

  static PortForwardStream open(
      ApiCalls calls,
      String namespace,
      String pod,
      int port,
      Duration timeout,
      Cancellation cancellation,
      Failures.Caller caller)
      throws KubeException {
    Operation op = new Operation("create", "pods/portforward", Optional.of(namespace));
    if (cancellation.isCancelled()) {
      throw new KubeException(new KubeFailure.Cancelled(op));
    }
    WebSocketStreamHandler handler = new WebSocketStreamHandler();
    String path =
        "/api/v1/namespaces/"
            + calls.client().escapeString(namespace)
            + "/pods/"
            + calls.client().escapeString(pod)
            + "/portforward";
    // The port header arrives once the upgrade succeeded; a refused upgrade only closes the
    // streams, so the wait runs aside, bounded by the timeout.
    CompletableFuture<PortForward.PortForwardResult> opening =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                PortForward.PortForwardResult r =
                    new PortForward.PortForwardResult(handler, List.of(port));
                WebSockets.stream(
                    path,
                    "GET",
                    List.of(new Pair("ports", Integer.toString(port))),
                    calls.client(),
                    handler);
                r.init();
                return r;
              } catch (ApiException | IOException e) {
                throw new CompletionException(e);
              }
            },
            KubeThreads.BLOCKING);
    Runnable abort = handler::close;
    cancellation.onCancel(abort);
    try {
      PortForward.PortForwardResult result = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new LivePortForward(handler, result, port, cancellation);
    } catch (TimeoutException e) {
      handler.close();
      throw new KubeException(new KubeFailure.Timeout(op, timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handler.close();
      throw new KubeException(new KubeFailure.Cancelled(op), e);
    } catch (ExecutionException e) {
      handler.close();
      if (cancellation.isCancelled()) {
        throw new KubeException(new KubeFailure.Cancelled(op), e);
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof ApiException api && api.getCode() != 0) {
        throw calls.failure(api, op, cancellation);
      }
      Throwable error = handler.getError() != null ? handler.getError() : cause;
      throw failure(error, op, caller);
    } catch (IOException e) {
      throw new KubeException(new KubeFailure.BadResponse(op, e.getMessage()), e);
    } finally {
      cancellation.remove(abort);
    }
  }

  /** "Expected HTTP 101 response but was '403 Forbidden'" and the like, as a typed failure. */
  private static KubeException failure(Throwable t, Operation op, Failures.Caller caller) {
    String message = String.valueOf(t.getMessage());
    for (Throwable c = t; c != null; c = c.getCause()) {
      Matcher m = HTTP_CODE.matcher(String.valueOf(c.getMessage()));
      if (m.find()) {
        KubeFailure f =
            switch (m.group(1)) {
              case "401" ->
                  new KubeFailure.Unauthorized(
                      caller.context(), caller.user(), Optional.empty(), message);
              case "403" -> new KubeFailure.Forbidden(caller.user(), op, message);
              default -> new KubeFailure.NotFound(op, message);
            };
        return new KubeException(f, t);
      }
    }
    return new KubeException(new KubeFailure.Unreachable(caller.server(), message), t);
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      handler.close();
      cancellation.remove(closeOnCancel);
    }
  }
}
