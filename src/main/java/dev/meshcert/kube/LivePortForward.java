package dev.meshcert.kube;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.util.WebSocketStreamHandler;
import io.kubernetes.client.util.WebSockets;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
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
 * A {@link PortForwardStream} over the official client's WebSocket port-forward (channel 0 data, 1
 * errors, each opened by the port in two little-endian bytes). Opening waits for the server's port
 * header within the timeout; a refused upgrade becomes a typed failure naming {@code
 * pods/portforward}. What the server says on the error channel (nothing listens on the port, the
 * pod is gone) and a WebSocket that failed instead of closing are reported when the data ends, as a
 * {@link PortForwardStream.ForwardError} or an {@link IOException}, never as a quiet end.
 *
 * <p>Both streams are taken from the handler before the socket opens: the handler refuses them once
 * the socket has closed, which a fast refusal or a fast error can do before the caller asks.
 */
final class LivePortForward implements PortForwardStream {

  private static final Pattern HTTP_CODE = Pattern.compile("\\b(401|403|404)\\b");

  /** How long the data's end waits for the error channel's end (both end when the socket does). */
  private static final long ERROR_WAIT_MILLIS = 2000;

  /** How long a socket that reported an error may stay open before it is closed from here. */
  private static final long CLOSE_AFTER_ERROR_MILLIS = 500;

  private final WebSocketStreamHandler handler;
  private final int port;
  private final InputStream input;
  private final OutputStream output;
  private final PortForwardErrors errors;
  private final Cancellation cancellation;
  private final Runnable closeOnCancel = this::close;
  private volatile boolean closed;

  private LivePortForward(
      WebSocketStreamHandler handler,
      int port,
      InputStream data,
      InputStream errorChannel,
      Cancellation cancellation) {
    this.handler = handler;
    this.port = port;
    this.output = new RequestStream(handler.getOutputStream(0));
    this.cancellation = cancellation;
    this.errors = new PortForwardErrors(errorChannel, this::closeSoon);
    this.input = new DataStream(data);
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
    InputStream data = handler.getInputStream(0);
    InputStream errorChannel = handler.getInputStream(1);
    String path =
        "/api/v1/namespaces/"
            + calls.client().escapeString(namespace)
            + "/pods/"
            + calls.client().escapeString(pod)
            + "/portforward";
    // The port header arrives once the upgrade succeeded; a refused upgrade only closes the
    // streams, so the wait runs aside, bounded by the timeout.
    CompletableFuture<Void> opening =
        CompletableFuture.runAsync(
            () -> {
              try {
                WebSockets.stream(
                    path,
                    "GET",
                    List.of(new Pair("ports", Integer.toString(port))),
                    calls.client(),
                    handler);
                int forwarded = portHeader(data);
                if (forwarded != port) {
                  throw new IOException("the API server forwarded another port than " + port);
                }
              } catch (ApiException | IOException e) {
                throw new CompletionException(e);
              }
            },
            KubeThreads.BLOCKING);
    Runnable abort = handler::close;
    cancellation.onCancel(abort);
    try {
      opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new LivePortForward(handler, port, data, errorChannel, cancellation);
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
    } finally {
      cancellation.remove(abort);
    }
  }

  /** The two little-endian bytes that open a channel. */
  private static int portHeader(InputStream in) throws IOException {
    byte[] header = in.readNBytes(2);
    if (header.length < 2) {
      throw new IOException("the port-forward closed before it started");
    }
    return (header[0] & 0xff) | (header[1] & 0xff) << 8;
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

  private void closeSoon() {
    CompletableFuture.delayedExecutor(CLOSE_AFTER_ERROR_MILLIS, TimeUnit.MILLISECONDS)
        .execute(handler::close);
  }

  /**
   * What ended the data, when it did not end cleanly: the server's error report, or the WebSocket's
   * failure. Empty for a clean end.
   */
  private Optional<IOException> endReason() {
    String reported = errors.await(ERROR_WAIT_MILLIS);
    if (!reported.isEmpty()) {
      return Optional.of(new ForwardError(PortForwardErrors.explain(port, reported)));
    }
    Throwable failed = closed ? null : handler.getError();
    return failed == null
        ? Optional.empty()
        : Optional.of(
            new IOException("the port-forward's WebSocket failed: " + failed.getMessage(), failed));
  }

  /** The data channel; at its end, says why when the end was not a clean close. */
  private final class DataStream extends FilterInputStream {
    private boolean ended;

    DataStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      return b < 0 ? end() : b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      return n < 0 ? end() : n;
    }

    private int end() throws IOException {
      if (!ended && !closed) {
        ended = true;
        Optional<IOException> why = endReason();
        if (why.isPresent()) {
          throw why.get();
        }
      }
      return -1;
    }
  }

  /** The data channel towards the pod; a write the closed socket refused says why it closed. */
  private final class RequestStream extends FilterOutputStream {
    RequestStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw why(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw why(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw why(e);
      }
    }

    private IOException why(IOException refused) {
      return closed ? refused : endReason().orElse(refused);
    }
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
