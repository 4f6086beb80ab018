package dev.meshcert.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP part of a probe.
 *
 * @param statusLine the status line as received ("HTTP/1.1 200 OK")
 * @param status the status code
 * @param headers header lines in order as name/value pairs
 * @param bodyPreview the start of the body (at most a few kilobytes), as text
 */
public record HttpExchange(
    String statusLine, int status, List<Map.Entry<String, String>> headers, String bodyPreview) {

  public HttpExchange {
    headers = List.copyOf(headers);
  }

  /** The first header with this name, ignoring case. */
  public Optional<String> header(String name) {
    return headers.stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
