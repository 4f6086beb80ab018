package dev.meshcert.kube.demo;

import dev.meshcert.kube.PortForwardStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * A port-forwarded connection to one of the demo's admin endpoints: the request written is
 * answered, on the first read, with an HTTP/1.1 response from {@code handler} (a body for the path,
 * or 404), and the connection then ends as with {@code Connection: close}.
 */
final class InMemoryHttp implements PortForwardStream {

  private final ByteArrayOutputStream request = new ByteArrayOutputStream();
  private final Function<String, Optional<String>> handler;
  private InputStream response;

  InMemoryHttp(Function<String, Optional<String>> handler) {
    this.handler = handler;
  }

  /** A connection to a port nothing listens on: it ends at once. */
  static PortForwardStream closed() {
    return new PortForwardStream() {
      @Override
      public InputStream input() {
        return InputStream.nullInputStream();
      }

      @Override
      public OutputStream output() {
        return OutputStream.nullOutputStream();
      }

      @Override
      public void close() {
        // nothing held
      }
    };
  }

  @Override
  public InputStream input() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return answer().read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return answer().read(b, off, len);
      }
    };
  }

  private synchronized InputStream answer() {
    if (response == null) {
      String text = request.toString(StandardCharsets.ISO_8859_1);
      String line = text.lines().findFirst().orElse("");
      String[] parts = line.split(" ");
      Optional<String> body =
          parts.length >= 2 && parts[0].equals("GET") ? handler.apply(parts[1]) : Optional.empty();
      byte[] bytes = body.orElse("no such admin path\n").getBytes(StandardCharsets.UTF_8);
      String head =
          (body.isPresent() ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found")
              + "\r\ncontent-type: "
              + (body.isPresent() ? "application/json" : "text/plain")
              + "\r\ncontent-length: "
              + bytes.length
              + "\r\nconnection: close\r\n\r\n";
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
      all.writeBytes(bytes);
      response = new ByteArrayInputStream(all.toByteArray());
    }
    return response;
  }

  @Override
  public OutputStream output() {
    return request;
  }

  @Override
  public void close() {
    // nothing held
  }
}
