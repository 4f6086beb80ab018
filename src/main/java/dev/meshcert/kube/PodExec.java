package dev.meshcert.kube;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.WebSocketStreamHandler;
import io.kubernetes.client.util.WebSockets;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one fixed, read-only command in a container over the exec subresource and returns its
 * stdout. The streams are taken before the WebSocket opens, stdout is bounded, and the whole run
 * has a timeout and is cancellable.
 */
final class PodExec {

  private static final int MAX_STDOUT = 32 * 1024 * 1024;

  /** The exit value when the status channel did not say how the command ended. */
  static final int NO_EXIT_STATUS = -1;

  /** The status channel carries one small JSON Status. */
  private static final int MAX_STATUS = 64 * 1024;

  private static final int STDOUT = 1;
  private static final int STDERR = 2;
  private static final int STATUS = 3;

  private static final Pattern HTTP_CODE = Pattern.compile("\\b(401|403|404)\\b");

  private PodExec() {}

  /**
   * What a command printed, how it ended (the status channel), and the connection error if the
   * upgrade failed.
   */
  record Output(byte[] stdout, byte[] stderr, ExecStatus status, Throwable connectionError) {
    /** The command's exit code, {@link #NO_EXIT_STATUS} when the status channel gave none. */
    int exitCode() {
      return status.exitCode();
    }

    /** Whether no exit code arrived: the stream was cut, or the runtime reported a failure. */
    boolean cut() {
      return exitCode() == NO_EXIT_STATUS;
    }
  }

  static byte[] run(
      ApiCalls calls,
      String namespace,
      String pod,
      String container,
      String[] command,
      Duration timeout,
      Cancellation cancellation,
      Failures.Caller caller)
      throws KubeException {
    Operation op = operation(namespace);
    Output o =
        execute(
            calls, namespace, pod, container, command, timeout, cancellation, caller, 64 * 1024);
    byte[] bytes = o.stdout();
    String errors = new String(o.stderr(), StandardCharsets.UTF_8);
    Throwable connection = o.connectionError();
    if (connection != null && bytes.length == 0) {
      throw connectionFailure(connection, op, caller);
    }
    int exit = o.exitCode();
    if (o.cut()) {
      throw cutFailure(o, op, caller, namespace + "/" + pod, container, List.of(command));
    }
    if (exit != 0 && bytes.length == 0) {
      throw new KubeException(new KubeFailure.CommandFailed(op, exit, errors.strip()));
    }
    return bytes;
  }

  /**
   * No exit code arrived: the runtime reported why ({@link KubeFailure.ExecFailed}, with its
   * message), or the stream ended before the command's status (what was read may be cut anywhere).
   */
  static KubeException cutFailure(
      Output o,
      Operation op,
      Failures.Caller caller,
      String pod,
      String container,
      List<String> command) {
    if (o.status().failedWithoutExitCode()) {
      return new KubeException(
          new KubeFailure.ExecFailed(
              op, pod, container, command, o.status().reason(), o.status().message()));
    }
    return o.connectionError() != null
        ? connectionFailure(o.connectionError(), op, caller)
        : new KubeException(
            new KubeFailure.StreamCut(
                caller.server(),
                "exec of " + String.join(" ", command) + " in " + container + " of " + pod,
                "the exec stream closed before the command finished ("
                    + o.stdout().length
                    + " bytes received and dropped): the connection was cut or the pod went"
                    + " away"));
  }

  static Operation operation(String namespace) {
    return new Operation("create", "pods/exec", java.util.Optional.of(namespace));
  }

  /**
   * Runs the command and returns whatever it printed on both streams with its exit code, without
   * judging the exit code: callers that read tools' diagnostics (curl -v writes to stderr and exits
   * non-zero on a reset) need both.
   *
   * <p>The three streams (stdout, stderr, the status channel) are taken from the stream handler
   * before the WebSocket opens. The official client's {@code Exec} opens first and hands the
   * streams out afterwards, refusing them ({@code IllegalStateException}) once the socket has
   * closed: a refused upgrade or a command that ended quickly could beat the caller to them, which
   * was an unexpected error instead of "forbidden", or lost output.
   */
  static Output execute(
      ApiCalls calls,
      String namespace,
      String pod,
      String container,
      String[] command,
      Duration timeout,
      Cancellation cancellation,
      Failures.Caller caller,
      int maxStderr)
      throws KubeException {
    Operation op = operation(namespace);
    if (!ReadOnlyCommands.allows(List.of(command))) {
      throw new KubeException(
          new KubeFailure.NotSupported(
              "running " + String.join(" ", command) + " in a pod",
              "only the fixed read-only commands are run (kube.ReadOnlyCommands)"));
    }
    if (cancellation.isCancelled()) {
      throw new KubeException(new KubeFailure.Cancelled(op));
    }
    WebSocketStreamHandler handler = new WebSocketStreamHandler();
    CompletableFuture<byte[]> out = drain(handler.getInputStream(STDOUT), MAX_STDOUT);
    CompletableFuture<byte[]> err = drain(handler.getInputStream(STDERR), maxStderr);
    CompletableFuture<byte[]> status = drain(handler.getInputStream(STATUS), MAX_STATUS);
    try {
      WebSockets.stream(path(namespace, pod, container, command), "GET", calls.client(), handler);
    } catch (ApiException e) {
      handler.close();
      throw calls.failure(e, op, cancellation);
    } catch (IOException e) {
      handler.close();
      throw calls.failure(new ApiException(e), op, cancellation);
    }
    Runnable kill = handler::close;
    cancellation.onCancel(kill);
    try {
      // every stream ends when the socket closes, which a server does once it sent the status
      CompletableFuture.allOf(out, err, status).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (cancellation.isCancelled()) {
        throw new KubeException(new KubeFailure.Cancelled(op));
      }
      return new Output(out.get(), err.get(), ExecStatus.of(status.get()), handler.getError());
    } catch (TimeoutException e) {
      handler.close();
      if (cancellation.isCancelled()) {
        throw new KubeException(new KubeFailure.Cancelled(op), e);
      }
      throw new KubeException(new KubeFailure.Timeout(op, timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handler.close();
      throw new KubeException(new KubeFailure.Cancelled(op), e);
    } catch (ExecutionException e) {
      handler.close();
      throw new KubeException(
          new KubeFailure.Unreachable(caller.server(), String.valueOf(e.getMessage())), e);
    } finally {
      cancellation.remove(kill);
    }
  }

  /** The exec subresource's path, as the official client's {@code Exec} writes it. */
  static String path(String namespace, String pod, String container, String[] command) {
    StringBuilder b =
        new StringBuilder("/api/v1/namespaces/")
            .append(namespace)
            .append("/pods/")
            .append(pod)
            .append("/exec?stdin=false&stdout=true&stderr=true&tty=false&container=")
            .append(container);
    for (String c : command) {
      b.append("&command=").append(URLEncoder.encode(c, StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  /**
   * The exit code the status channel reports: 0 for Success, the ExitCode cause of a
   * NonZeroExitCode failure, {@link #NO_EXIT_STATUS} when the channel said nothing (the stream was
   * cut) or something else.
   */
  static int exitCode(byte[] status) {
    return ExecStatus.of(status).exitCode();
  }

  /** The exec upgrade was refused: turn "Expected HTTP 101 but was 403" into a typed failure. */
  static KubeException connectionFailure(Throwable t, Operation op, Failures.Caller caller) {
    String message = String.valueOf(t.getMessage());
    Matcher m = HTTP_CODE.matcher(message);
    if (m.find()) {
      KubeFailure f =
          switch (m.group(1)) {
            case "401" ->
                new KubeFailure.Unauthorized(
                    caller.context(), caller.user(), java.util.Optional.empty(), message);
            case "403" -> new KubeFailure.Forbidden(caller.user(), op, message);
            default -> new KubeFailure.NotFound(op, message);
          };
      return new KubeException(f, t);
    }
    return new KubeException(new KubeFailure.Unreachable(caller.server(), message), t);
  }

  private static CompletableFuture<byte[]> drain(InputStream in, int max) {
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try (in) {
                byte[] bytes = in.readNBytes(max);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                f.complete(bytes);
              } catch (IOException e) {
                f.completeExceptionally(e);
              }
            },
            "meshcert-exec-reader");
    t.setDaemon(true);
    t.start();
    return f;
  }
}
