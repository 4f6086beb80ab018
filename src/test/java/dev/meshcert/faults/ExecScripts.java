package dev.meshcert.faults;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers to exec requests, over the Kubernetes channel protocol (one byte naming the stream, then
 * the data: 1 stdout, 2 stderr, 3 the final status as a JSON Status).
 *
 * <p>Deterministic under load: the frames are sent in order from one thread once the WebSocket is
 * open, the status (when there is one) always before the close, and nothing depends on a timer.
 * fabric8's own {@code andUpgradeToWebSocket().open().waitFor(..).andEmit(..)} schedules each frame
 * on a timer from the opening and closes the socket when no frame is pending; a stalled opening
 * thread under load lets the first frame's timer fire before the later frames are scheduled, and
 * the socket closes before the status (docs/adr/0014-rerun-flaky-tests.md). Script exec with these.
 */
public final class ExecScripts {

  private ExecScripts() {}

  /** The command prints {@code stdout} and exits with {@code exit}. */
  public static Function<RecordedRequest, MockResponse> prints(String stdout, int exit) {
    return script(List.of(stdout), "", Optional.of(status(exit)), 0);
  }

  /**
   * The exec ends with {@code status} on the status channel, as the kubelet sends it when the
   * container runtime could not run the command (a Failure without an ExitCode cause).
   */
  public static Function<RecordedRequest, MockResponse> endsWithStatus(String status) {
    return script(List.of(), "", Optional.of(status), 0);
  }

  /** The command prints {@code stdout}, then {@code stderr}, and exits with {@code exit}. */
  public static Function<RecordedRequest, MockResponse> prints(
      String stdout, String stderr, int exit) {
    return script(List.of(stdout), stderr, Optional.of(status(exit)), 0);
  }

  /**
   * The command prints {@code parts}, then the WebSocket is closed (code 1001, "going away") before
   * any exit status: a pod deleted or a connection cut mid-exec.
   */
  public static Function<RecordedRequest, MockResponse> closesMidway(List<String> parts) {
    return script(parts, "", Optional.empty(), 0);
  }

  /**
   * The command prints what {@code output} gives for its argv (exit 0), or nothing with exit 1 when
   * it gives null: a pod whose files and tools answer as a real one would.
   */
  public static Function<RecordedRequest, MockResponse> byCommand(
      Function<List<String>, String> output) {
    return r -> {
      String out =
          output.apply(FaultyApiServer.query(r.getPath()).getOrDefault("command", List.of()));
      return out == null
          ? script(List.of(), "", Optional.of(status(1)), 0).apply(r)
          : script(List.of(out), "", Optional.of(status(0)), 0).apply(r);
    };
  }

  /** The command prints nothing for {@code millis} (it hangs), then exits 0. */
  public static Function<RecordedRequest, MockResponse> hangs(long millis) {
    return script(List.of(), "", Optional.of(status(0)), millis);
  }

  private static Function<RecordedRequest, MockResponse> script(
      List<String> parts, String stderr, Optional<String> status, long pauseMillis) {
    return r ->
        new MockResponse()
            .withWebSocketUpgrade(
                new WebSocketListener() {
                  @Override
                  public void onOpen(WebSocket ws, io.fabric8.mockwebserver.http.Response resp) {
                    Thread t =
                        new Thread(
                            () -> {
                              try {
                                play(ws, parts, stderr, status, pauseMillis);
                              } catch (RuntimeException serverGone) {
                                // the test closed the server mid-script; nothing left to send to
                              }
                            },
                            "exec-script");
                    t.setDaemon(true);
                    t.start();
                  }
                });
  }

  /**
   * Sends the frames in order. The mock's WebSocket queues every write (and the close) on its
   * connection in call order, so the client reads them in this order whatever the load.
   */
  private static void play(
      WebSocket ws, List<String> parts, String stderr, Optional<String> status, long pauseMillis) {
    for (String p : parts) {
      ws.send(frame(1, p));
    }
    if (!stderr.isEmpty()) {
      ws.send(frame(2, stderr));
    }
    pause(pauseMillis);
    if (status.isPresent()) {
      ws.send(frame(3, status.get()));
      ws.close(1000, "");
    } else {
      ws.close(1001, "going away");
    }
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static byte[] frame(int channel, String data) {
    byte[] d = data.getBytes(StandardCharsets.UTF_8);
    byte[] f = new byte[d.length + 1];
    f[0] = (byte) channel;
    System.arraycopy(d, 0, f, 1, d.length);
    return f;
  }

  /** The Status a real API server sends on channel 3 when a command ends with {@code exit}. */
  static String status(int exit) {
    return exit == 0
        ? "{\"metadata\":{},\"status\":\"Success\"}"
        : "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero"
            + " exit code: exit code "
            + exit
            + "\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":"
            + "\"ExitCode\",\"message\":\""
            + exit
            + "\"}]}}";
  }
}
