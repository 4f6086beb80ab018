package dev.meshcert.mesh.envoy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.meshcert.core.read.ReadProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of an admin endpoint response (Envoy {@code /config_dump}, {@code /certs}, ztunnel
 * {@code /config_dump}) as saved by a person: optionally preceded by an HTTP status line and
 * headers ({@code curl -i}), in JSON or in YAML ({@code istioctl ... -o yaml}), parsed into one
 * Gson tree either way.
 *
 * @param tree the parsed document, empty when it could not be parsed
 * @param problems what went wrong: a non-2xx HTTP status, a syntax error
 */
public record AdminDocument(Optional<JsonElement> tree, List<ReadProblem> problems) {

  public AdminDocument {
    problems = List.copyOf(problems);
  }

  /** Parses the content; never throws. */
  public static AdminDocument parse(byte[] content) {
    List<ReadProblem> problems = new ArrayList<>();
    String body = body(content, problems);
    if (body.isBlank()) {
      problems.add(new ReadProblem("", "the document is empty"));
      return new AdminDocument(Optional.empty(), problems);
    }
    char first = body.strip().charAt(0);
    try {
      JsonElement tree =
          first == '{' || first == '[' ? JsonParser.parseString(body) : YamlTree.parse(body);
      return new AdminDocument(Optional.of(tree), problems);
    } catch (JsonParseException | YamlTree.YamlException | StackOverflowError e) {
      problems.add(new ReadProblem("", "not readable as JSON or YAML: " + reason(e)));
      return new AdminDocument(Optional.empty(), problems);
    }
  }

  /**
   * The document text without a leading byte-order mark, HTTP status line and headers. A non-2xx
   * status is added to {@code problems}: the body is then usually an error text, not a dump.
   */
  static String body(byte[] content, List<ReadProblem> problems) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.startsWith("HTTP/")) {
      return text;
    }
    int lineEnd = text.indexOf('\n');
    String statusLine = (lineEnd < 0 ? text : text.substring(0, lineEnd)).strip();
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[1].startsWith("2")) {
      problems.add(
          new ReadProblem("line 1", "the response status is not a success: " + statusLine));
    }
    int crlf = text.indexOf("\r\n\r\n");
    int lf = text.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
      return text.substring(crlf + 4);
    }
    return lf >= 0 ? text.substring(lf + 2) : "";
  }

  /**
   * A cheap gate before any marker search: whether the content, after an optional byte-order mark,
   * HTTP headers and whitespace, starts like a JSON or YAML document. Binary formats (DER and
   * PKCS#12 start with 0x30) and PEM files are refused without scanning them.
   */
  public static boolean mayBeDocument(byte[] content) {
    int i = 0;
    if (content.length >= 3
        && (content[0] & 0xff) == 0xef
        && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf) {
      i = 3;
    }
    if (startsWith(content, i, "HTTP/")) {
      return true;
    }
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    if (i == content.length || startsWith(content, i, "-----BEGIN")) {
      return false;
    }
    char c = (char) content[i];
    return c == '{' || c == '[' || c == '"' || c == '#' || c == '-' || Character.isLetter(c);
  }

  private static boolean startsWith(byte[] content, int at, String ascii) {
    if (content.length - at < ascii.length()) {
      return false;
    }
    for (int j = 0; j < ascii.length(); j++) {
      if (content[at + j] != ascii.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private static String reason(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "nested too deeply";
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String m = cause.getMessage();
    return m == null ? cause.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
