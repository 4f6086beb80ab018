package dev.meshcert.probe;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.kube.PortForwardStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local loopback port that forwards each connection to a pod's port through the API server, as
 * {@code kubectl port-forward} does. The traffic enters the pod on localhost: it may bypass the
 * sidecar's inbound capture, so the mTLS mode seen can differ from what mesh peers see.
 */
public final class PortForwardTunnel implements AutoCloseable {

  /** What the transcript says about this route, plainly. */
  public static final String CAVEAT =
      "a port-forward enters the pod on localhost and may bypass the sidecar's inbound capture:"
          + " what answers may be the application itself, not the mesh";

  private final PodAccess access;
  private final String namespace;
  private final String pod;
  private final int port;
  private final Cancellation cancellation;
  private final ServerSocket server;
  private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final List<KubeFailure> failures = new CopyOnWriteArrayList<>();

  /** Opens the local port; connections are forwarded until {@link #close()}. */
  public PortForwardTunnel(
      PodAccess access, String namespace, String pod, int port, Cancellation cancellation)
      throws IOException {
    this.access = access;
    this.namespace = namespace;
    this.pod = pod;
    this.port = port;
    this.cancellation = cancellation;
    this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    daemon(this::acceptLoop, "meshcert-port-forward-accept").start();
  }

  /** The local port that reaches the pod. */
  public int localPort() {
    return server.getLocalPort();
  }

  /** Why streams could not be opened, so far, as the cluster said it (forbidden, pod gone). */
  public List<KubeFailure> failures() {
    return List.copyOf(failures);
  }

  /**
   * Why streams could not be opened or ended early, so far (forbidden, pod gone, timeout, nothing
   * listening on the pod's port), as text.
   */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        daemon(() -> forward(s), "meshcert-port-forward").start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void forward(Socket s) {
    PortForwardStream stream;
    try {
      stream = access.portForward(namespace, pod, port, cancellation);
    } catch (KubeException e) {
      errors.add(e.getMessage());
      failures.add(e.failure());
      closeQuietly(s);
      return;
    }
    open.add(stream);
    daemon(() -> pump(stream.input(), socketOut(s), s, errors), "meshcert-port-forward-in").start();
    try {
      pump(s.getInputStream(), stream.output(), s, errors);
    } catch (IOException e) {
      closeQuietly(s);
    }
  }

  private static OutputStream socketOut(Socket s) {
    try {
      return s.getOutputStream();
    } catch (IOException e) {
      return OutputStream.nullOutputStream();
    }
  }

  private static void pump(InputStream in, OutputStream out, Socket s, List<String> errors) {
    byte[] buffer = new byte[16 * 1024];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (PortForwardStream.ForwardError e) {
      // the API server's report on the pod's port ("nothing listens on port 9080 in the pod")
      if (!errors.contains(e.getMessage())) {
        errors.add(e.getMessage());
      }
      closeQuietly(s);
    } catch (IOException e) {
      // one side went away; closing the socket ends the other direction
    } finally {
      closeQuietly(s);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing is best effort; the probe reports what it saw
    }
  }

  @Override
  public void close() {
    closeQuietly(server);
    List<AutoCloseable> all = new ArrayList<>(open);
    all.forEach(PortForwardTunnel::closeQuietly);
  }
}
