package dev.meshcert.kube;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One open port-forward connection to a pod's port: bytes written to {@link #output()} reach the
 * port on the pod's localhost, bytes it answers arrive on {@link #input()}, and the API server's
 * complaints ("connection refused" inside the pod) arrive on {@link #errors()}. Close it when done.
 */
public final class PortForwardStream implements Closeable {
  private final int port;
  private final InputStream input;
  private final OutputStream output;
  private final InputStream errors;
  private final Runnable closer;

  PortForwardStream(
      int port, InputStream input, OutputStream output, InputStream errors, Runnable closer) {
    this.port = port;
    this.input = input;
    this.output = output;
    this.errors = errors;
    this.closer = closer;
  }

  /** The pod port this stream reaches. */
  public int port() {
    return port;
  }

  /** What the pod's port sends. */
  public InputStream input() {
    return input;
  }

  /** What to send to the pod's port. */
  public OutputStream output() {
    return output;
  }

  /**
   * Error text from the API server for this port, as Kubernetes sends it (the first two bytes on a
   * live server are the port number, little-endian).
   */
  public InputStream errors() {
    return errors;
  }

  @Override
  public void close() throws IOException {
    closer.run();
  }
}
