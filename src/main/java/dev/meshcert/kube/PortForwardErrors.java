package dev.meshcert.kube;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A port-forward's error channel, read aside on a daemon thread: its port header, then what the API
 * server (or the kubelet behind it) reports when it cannot carry the connection to the pod's port,
 * such as "connection refused" when nothing listens there. Bounded; ends with the socket.
 */
final class PortForwardErrors {

  /** The most of the report kept: the API server's and kubelet's messages are one line. */
  private static final int MAX_TEXT = 4096;

  private final CompletableFuture<String> text = new CompletableFuture<>();

  /**
   * Starts reading {@code channel}; {@code onReport} runs when the server reports something (a
   * server that reported an error has given up on the connection).
   */
  PortForwardErrors(InputStream channel, Runnable onReport) {
    Thread t = new Thread(() -> read(channel, onReport), "meshcert-port-forward-errors");
    t.setDaemon(true);
    t.start();
  }

  private void read(InputStream channel, Runnable onReport) {
    StringBuilder report = new StringBuilder();
    try (channel) {
      channel.readNBytes(2);
      byte[] buffer = new byte[1024];
      int n;
      while ((n = channel.read(buffer)) >= 0) {
        if (report.length() < MAX_TEXT) {
          report.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        if (n > 0) {
          onReport.run();
        }
      }
    } catch (IOException e) {
      // the channel ended with the socket: what was read is the report
    }
    text.complete(report.toString().strip());
  }

  /** The report once the channel has ended, waiting at most {@code millis}; empty when none. */
  String await(long millis) {
    try {
      return text.get(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    } catch (ExecutionException | TimeoutException e) {
      return "";
    }
  }

  /** The report on {@code port}, with what it means and what to check in the common case. */
  static String explain(int port, String reported) {
    String lower = reported.toLowerCase(Locale.ROOT);
    if (lower.contains("connection refused")) {
      return "nothing listens on port "
          + port
          + " in the pod (the API server said: "
          + abbreviate(reported)
          + "): check that the container serving it is running and that the port is right";
    }
    return "the API server could not forward port " + port + ": " + abbreviate(reported);
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }
}
