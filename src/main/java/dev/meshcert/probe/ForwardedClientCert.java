package dev.meshcert.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Envoy's {@code x-forwarded-client-cert} header: what the server-side proxy saw of the client's
 * certificate ({@code By} the server's own identity, {@code URI} the client's SPIFFE ID, {@code
 * Hash} the SHA-256 of the client certificate, {@code Subject}, {@code DNS}). One element per proxy
 * hop, the last added by the proxy nearest the server.
 *
 * @param raw the header value as received
 * @param elements each hop's key/value pairs (keys as Envoy spells them)
 */
public record ForwardedClientCert(String raw, List<Map<String, String>> elements) {

  private static final Pattern IN_BODY =
      Pattern.compile(
          "\"?x-forwarded-client-cert\"?\\s*[:=]\\s*\"?((?:[^\"\\\\\\r\\n]|\\\\.)*)",
          Pattern.CASE_INSENSITIVE);

  public ForwardedClientCert {
    elements = elements.stream().map(Map::copyOf).toList();
  }

  /** Parses a header value; elements split on unquoted commas, pairs on unquoted semicolons. */
  public static ForwardedClientCert parse(String value) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String element : split(value, ',')) {
      Map<String, String> pairs = new LinkedHashMap<>();
      for (String pair : split(element, ';')) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          pairs.put(pair.substring(0, eq).trim(), unquote(pair.substring(eq + 1).trim()));
        }
      }
      if (!pairs.isEmpty()) {
        out.add(pairs);
      }
    }
    return new ForwardedClientCert(value, out);
  }

  /**
   * Finds the header in a response body that echoes request headers (httpbin's {@code /headers},
   * Istio's sample {@code echo}), JSON or plain text.
   */
  public static Optional<ForwardedClientCert> findInBody(String body) {
    Matcher m = IN_BODY.matcher(body);
    if (!m.find() || m.group(1).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parse(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\")));
  }

  /** The client's SPIFFE ID as the nearest proxy saw it. */
  public Optional<String> clientUri() {
    return last("URI");
  }

  /** The server proxy's own identity. */
  public Optional<String> by() {
    return last("By");
  }

  private Optional<String> last(String key) {
    for (int i = elements.size() - 1; i >= 0; i--) {
      for (Map.Entry<String, String> e : elements.get(i).entrySet()) {
        if (e.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
          return Optional.of(e.getValue());
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> split(String s, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        b.append(c).append(s.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        parts.add(b.toString());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    parts.add(b.toString());
    return parts;
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1).replace("\\\"", "\"");
    }
    return v;
  }
}
