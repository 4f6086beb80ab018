package dev.meshcert.kube;

import io.kubernetes.client.Exec;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one fixed, read-only command in a container over the exec subresource and returns its
 * stdout. Both output streams are taken before either is read (the stream handler only delivers to
 * streams that exist), stdout is bounded, and the whole run has a timeout and is cancellable.
 */
final class PodExec {

  private static final int MAX_STDOUT = 32 * 1024 * 1024;

  /** The official client's exit value until the status channel has said how the command ended. */
  private static final int NO_EXIT_STATUS = -1;

  private static final Pattern HTTP_CODE = Pattern.compile("\\b(401|403|404)\\b");

  private PodExec() {}

  /** What a command printed, its exit code, and the connection error if the upgrade failed. */
  record Output(int exitCode, byte[] stdout, byte[] stderr, Throwable connectionError) {
    /** Whether the stream ended before the command's status arrived. */
    boolean cut() {
      return exitCode == NO_EXIT_STATUS;
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
      throw cutFailure(connection, op, caller, bytes.length);
    }
    if (exit != 0 && bytes.length == 0) {
      throw new KubeException(new KubeFailure.CommandFailed(op, exit, errors.strip()));
    }
    return bytes;
  }

  /** The stream ended before the command's status: what was read may be cut anywhere. */
  static KubeException cutFailure(
      Throwable connection, Operation op, Failures.Caller caller, int received) {
    return connection != null
        ? connectionFailure(connection, op, caller)
        : new KubeException(
            new KubeFailure.Unreachable(
                caller.server(),
                "the exec stream closed before the command finished ("
                    + received
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
    if (cancellation.isCancelled()) {
      throw new KubeException(new KubeFailure.Cancelled(op));
    }
    AtomicReference<Throwable> connectionError = new AtomicReference<>();
    Process process;
    try {
      process =
          new Exec(calls.client())
              .newExecutionBuilder(namespace, pod, command)
              .setContainer(container)
              .setStdin(false)
              .setTty(false)
              .setOnUnhandledError(connectionError::set)
              .execute();
    } catch (ApiException e) {
      throw calls.failure(e, op, cancellation);
    } catch (IOException e) {
      throw calls.failure(new ApiException(e), op, cancellation);
    }
    Runnable kill = process::destroy;
    cancellation.onCancel(kill);
    try {
      InputStream stdout = process.getInputStream();
      InputStream stderr = process.getErrorStream();
      CompletableFuture<byte[]> out = drain(stdout, MAX_STDOUT);
      CompletableFuture<byte[]> err = drain(stderr, maxStderr);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroy();
        throw new KubeException(new KubeFailure.Timeout(op, timeout));
      }
      if (cancellation.isCancelled()) {
        throw new KubeException(new KubeFailure.Cancelled(op));
      }
      byte[] bytes = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      byte[] errors = err.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Output(process.exitValue(), bytes, errors, connectionError.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      throw new KubeException(new KubeFailure.Cancelled(op), e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroy();
      throw new KubeException(
          new KubeFailure.Unreachable(caller.server(), String.valueOf(e.getMessage())), e);
    } finally {
      cancellation.remove(kill);
    }
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
                f.complete(new byte[0]);
              }
            },
            "meshcert-exec-reader");
    t.setDaemon(true);
    t.start();
    return f;
  }
}
