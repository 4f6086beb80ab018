package dev.meshcert.kube;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One TCP connection into a pod, carried over the API server's {@code pods/portforward}
 * subresource: bytes written to {@link #output()} reach the pod's port, its answer arrives on
 * {@link #input()}. Closing it ends the connection. Not thread-safe beyond one reader and one
 * writer.
 */
public interface PortForwardStream extends Closeable {

  /** What the pod's port sends; ends when the connection does. */
  InputStream input();

  /** What to send to the pod's port. */
  OutputStream output();

  /** Closes the connection; never throws. */
  @Override
  void close();

  /**
   * Thrown by {@link #input()} when the API server reported on the port-forward's error channel
   * that it could not carry the connection to the pod's port (nothing listens there, the pod went
   * away): the message says so plainly and what to check.
   */
  final class ForwardError extends java.io.IOException {
    /** A report already phrased for a person. */
    public ForwardError(String message) {
      super(message);
    }
  }
}
