package dev.meshcert.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A minimal HTTP/1.1 GET over an open socket's streams, recorded in the transcript. */
final class HttpClientExchange {
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int BODY_PREVIEW_BYTES = 4 * 1024;

  private HttpClientExchange() {}

  static void send(OutputStream out, ProbeTarget target, Transcript transcript) throws IOException {
    List<String> lines =
        List.of(
            "GET " + target.path() + " HTTP/1.1",
            "Host: " + target.authority(),
            "User-Agent: meshcert-probe",
            "Accept: */*",
            "Connection: close");
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      transcript.sent(l);
      b.append(l).append("\r\n");
    }
    transcript.sent("");
    b.append("\r\n");
    out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /**
   * Reads the status line, headers and a preview of the body.
   *
   * @throws java.io.EOFException when the peer closed before sending a status line
   */
  static HttpExchange receive(InputStream in, Transcript transcript) throws IOException {
    String statusLine = readLine(in);
    if (statusLine == null) {
      throw new java.io.EOFException("empty reply from server");
    }
    transcript.received(statusLine);
    int status = parseStatus(statusLine);
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    int total = statusLine.length();
    String line;
    while ((line = readLine(in)) != null && !line.isEmpty()) {
      transcript.received(line);
      total += line.length();
      if (total > MAX_HEAD_BYTES) {
        throw new IOException("response headers larger than 64 KiB");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.add(
            new AbstractMap.SimpleImmutableEntry<>(
                line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
      }
    }
    transcript.received("");
    byte[] body = in.readNBytes(BODY_PREVIEW_BYTES);
    return new HttpExchange(statusLine, status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static int parseStatus(String statusLine) throws IOException {
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP response: " + abbreviate(statusLine));
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("bad HTTP status line: " + abbreviate(statusLine), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        break;
      }
      if (b.size() > MAX_HEAD_BYTES) {
        throw new IOException("response line longer than 64 KiB");
      }
      b.write(c);
    }
    if (c == -1 && b.size() == 0) {
      return null;
    }
    String s = b.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
