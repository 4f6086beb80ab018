package dev.meshcert.kube.pull;

import dev.meshcert.kube.PortForwardStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 GET over a port-forwarded connection, as Envoy's and ztunnel's admin endpoints
 * answer it: the body is read by Content-Length, chunked encoding or to the end of the connection,
 * and bounded.
 */
final class AdminHttp {

  /** The largest body read: a full Envoy config_dump of a big mesh stays well under it. */
  static final int MAX_BODY = 64 * 1024 * 1024;

  /** An answer other than 200, or a malformed one. */
  static final class HttpFailure extends Exception {
    HttpFailure(String message) {
      super(message);
    }
  }

  private AdminHttp() {}

  /**
   * A 200 answer's body.
   *
   * @param toEnd whether the body was read to the end of the connection (no Content-Length, not
   *     chunked): then a connection cut mid-way cannot be told from the end, except by the body
   */
  record Answer(byte[] body, boolean toEnd) {}

  /** Sends {@code GET path} to localhost and returns the body of a 200 answer. */
  static byte[] get(PortForwardStream stream, String path) throws IOException, HttpFailure {
    return fetch(stream, path).body();
  }

  /** Sends {@code GET path} to localhost and returns a 200 answer. */
  static Answer fetch(PortForwardStream stream, String path) throws IOException, HttpFailure {
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: meshcert\r\nAccept: application/json\r\n"
            + "Connection: close\r\n\r\n";
    OutputStream out = stream.output();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = new java.io.BufferedInputStream(stream.input(), 16 * 1024);
    String status = line(in);
    if (status == null) {
      throw new HttpFailure(
          "the connection closed before an answer (nothing listens on the port?)");
    }
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new HttpFailure("not an HTTP answer: " + abbreviate(status));
    }
    long length = -1;
    boolean chunked = false;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).strip();
      if (name.equals("content-length")) {
        try {
          length = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new HttpFailure("bad Content-Length: " + abbreviate(value));
        }
      } else if (name.equals("transfer-encoding")) {
        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
      }
    }
    boolean delimited = chunked || length >= 0;
    byte[] body = chunked ? chunked(in) : length >= 0 ? exactly(in, length) : toEnd(in);
    if (!parts[1].equals("200")) {
      throw new HttpFailure(
          "HTTP "
              + parts[1]
              + (parts.length > 2 ? " " + parts[2] : "")
              + ": "
              + abbreviate(new String(body, StandardCharsets.UTF_8).strip()));
    }
    return new Answer(body, !delimited);
  }

  private static byte[] exactly(InputStream in, long length) throws IOException, HttpFailure {
    if (length > MAX_BODY) {
      throw new HttpFailure("the answer is too large: " + length + " bytes");
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new IOException(
          "the connection dropped after " + body.length + " of " + length + " bytes");
    }
    return body;
  }

  private static byte[] toEnd(InputStream in) throws IOException, HttpFailure {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new HttpFailure("the answer is larger than " + MAX_BODY + " bytes");
    }
    return body;
  }

  private static byte[] chunked(InputStream in) throws IOException, HttpFailure {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("the connection dropped inside a chunked answer");
      }
      int semi = size.indexOf(';');
      long n;
      try {
        n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
      } catch (NumberFormatException e) {
        throw new HttpFailure("bad chunk size: " + abbreviate(size));
      }
      if (n == 0) {
        for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      if (body.size() + n > MAX_BODY) {
        throw new HttpFailure("the answer is larger than " + MAX_BODY + " bytes");
      }
      body.write(exactly(in, n));
      line(in);
    }
  }

  /** A CRLF- (or LF-) terminated line, null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (b.size() > 16 * 1024) {
        throw new IOException("an HTTP header line is longer than 16 KiB");
      }
      b.write(c);
    }
    if (c == -1 && b.size() == 0) {
      return null;
    }
    String s = b.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
