package dev.meshcert.kube.pull;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The API server side of the Kubernetes WebSocket channel protocol, for the mock: port-forward
 * (channel 0 data and 1 errors, each opened with the port in two little-endian bytes) relayed to a
 * real TCP server, and exec (channel 1 stdout, 2 stderr, 3 the status). Blocking work runs on its
 * own threads, never on the mock's event loop.
 */
final class PortForwardRelay implements AutoCloseable {

  private final Duration latency;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "mock-relay");
            t.setDaemon(true);
            return t;
          });

  PortForwardRelay(Duration latency) {
    this.latency = latency;
  }

  WebSocketListener listener(int port, MockMesh.Forward forward) {
    return new Connection(port, forward);
  }

  WebSocketListener execListener(MockMesh.ExecReply reply) {
    return new WebSocketListener() {
      @Override
      public void onOpen(WebSocket ws, Response response) {
        threads.execute(
            () -> {
              pause();
              if (reply.stdout().length > 0) {
                for (int i = 0; i < reply.stdout().length; i += 32 * 1024) {
                  ws.send(
                      frame(
                          1,
                          Arrays.copyOfRange(
                              reply.stdout(), i, Math.min(reply.stdout().length, i + 32 * 1024))));
                }
              }
              if (!reply.stderr().isEmpty()) {
                ws.send(frame(2, reply.stderr().getBytes(StandardCharsets.UTF_8)));
              }
              ws.send(frame(3, status(reply.exitCode()).getBytes(StandardCharsets.UTF_8)));
              ws.close(1000, "");
            });
      }
    };
  }

  private static String status(int exit) {
    if (exit == 0) {
      return "{\"metadata\":{},\"status\":\"Success\"}";
    }
    return "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero"
        + " exit code: exit status "
        + exit
        + "\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\","
        + "\"message\":\""
        + exit
        + "\"}]}}";
  }

  private void pause() {
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static byte[] frame(int channel, byte[] data) {
    byte[] out = new byte[data.length + 1];
    out[0] = (byte) channel;
    System.arraycopy(data, 0, out, 1, data.length);
    return out;
  }

  /** One forwarded connection. */
  private final class Connection extends WebSocketListener {
    private final int port;
    private final MockMesh.Forward forward;
    private final CompletableFuture<Socket> socket = new CompletableFuture<>();
    private final ExecutorService writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "mock-relay-writer");
              t.setDaemon(true);
              return t;
            });

    Connection(int port, MockMesh.Forward forward) {
      this.port = port;
      this.forward = forward;
    }

    @Override
    public void onOpen(WebSocket ws, Response response) {
      threads.execute(() -> run(ws));
    }

    private void run(WebSocket ws) {
      pause();
      if (forward instanceof MockMesh.Forward.Silent) {
        return;
      }
      java.net.InetSocketAddress target =
          forward instanceof MockMesh.Forward.Relay r
              ? r.target()
              : ((MockMesh.Forward.DropAfter) forward).target();
      int dropAfter =
          forward instanceof MockMesh.Forward.DropAfter d ? d.bytes() : Integer.MAX_VALUE;
      // As the API server does: both channels open with the port, then the pod's port is dialled
      // and a failure is reported on the error channel.
      byte[] header = {(byte) (port & 0xff), (byte) ((port >> 8) & 0xff)};
      ws.send(frame(0, header));
      ws.send(frame(1, header));
      try (Socket s = new Socket()) {
        s.connect(target, 5000);
        socket.complete(s);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[16 * 1024];
        int total = 0;
        int n;
        while ((n = in.read(buf, 0, Math.min(buf.length, dropAfter - total))) > 0) {
          ws.send(frame(0, Arrays.copyOf(buf, n)));
          total += n;
          if (total >= dropAfter) {
            break;
          }
        }
      } catch (IOException e) {
        socket.completeExceptionally(e);
        ws.send(
            frame(
                1, ("error forwarding port " + port + ": " + e).getBytes(StandardCharsets.UTF_8)));
      } finally {
        ws.close(1000, "");
        writer.shutdown();
      }
    }

    @Override
    public void onMessage(WebSocket ws, byte[] bytes) {
      if (bytes.length < 2 || bytes[0] != 0) {
        return;
      }
      byte[] data = Arrays.copyOfRange(bytes, 1, bytes.length);
      writer.execute(
          () -> {
            pause();
            try {
              socket.get(5, TimeUnit.SECONDS).getOutputStream().write(data);
            } catch (Exception e) {
              // the connection is gone: the reader side reports it
            }
          });
    }

    @Override
    public void onMessage(WebSocket ws, ByteString bytes) {
      onMessage(ws, bytes.toByteArray());
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      socket.thenAccept(PortForwardRelay::closeQuietly);
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
      socket.thenAccept(PortForwardRelay::closeQuietly);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
