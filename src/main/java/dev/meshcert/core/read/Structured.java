package dev.meshcert.core.read;

import com.google.gson.Gson;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * JSON and YAML documents as plain maps, lists and scalars, with limits: JSON nesting 255 (Gson),
 * YAML nesting 100 and 50 aliases (no "billion laughs"), and no arbitrary types.
 */
final class Structured {

  private static final Pattern JSON_KIND = Pattern.compile("\"kind\"\\s*:\\s*\"");
  private static final Pattern JSON_API = Pattern.compile("\"apiVersion\"\\s*:\\s*\"");

  private Structured() {}

  /** Text that is not binary: no NUL byte in the first 4 KiB. */
  static boolean isText(byte[] b) {
    for (int i = 0; i < Math.min(b.length, 4096); i++) {
      if (b[i] == 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isJson(byte[] b) {
    int c = Sniff.firstNonBlank(b);
    return c == '{' || c == '[';
  }

  /** A top-level {@code kind} and {@code apiVersion}, in JSON or at the start of a YAML line. */
  static boolean hasKindAndApiVersion(byte[] b) {
    if (!isText(b)) {
      return false;
    }
    String text = PemScanner.text(b);
    return isJson(b)
        ? JSON_KIND.matcher(text).find() && JSON_API.matcher(text).find()
        : hasTopLevelKey(text, "kind:") && hasTopLevelKey(text, "apiVersion:");
  }

  /**
   * Whether a line starts with {@code key} at column 0 followed by a value on the same line. Uses
   * indexOf, which is much faster than a multi-line regex on large inputs.
   */
  static boolean hasTopLevelKey(String text, String key) {
    return topLevelValue(text, key, null);
  }

  /**
   * Whether a line starts with {@code key} at column 0 and, when {@code value} is given, exactly
   * that value (optionally quoted) follows; with {@code value} null, any value on the same line.
   */
  static boolean topLevelValue(String text, String key, String value) {
    int i = text.startsWith(key) ? 0 : lineStart(text, key, 0);
    while (i >= 0) {
      int v = i + key.length();
      while (v < text.length() && (text.charAt(v) == ' ' || text.charAt(v) == '\t')) {
        v++;
      }
      int end = v;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String found = text.substring(v, end).strip();
      if (value == null
          ? !found.isEmpty()
          : found.equals(value)
              || found.equals("\"" + value + "\"")
              || found.equals("'" + value + "'")) {
        return true;
      }
      i = lineStart(text, key, end);
    }
    return false;
  }

  /** Whether a line starts with {@code key} at column 0 (a value may follow on later lines). */
  static boolean hasTopLevelBlock(String text, String key) {
    return text.startsWith(key) || lineStart(text, key, 0) >= 0;
  }

  /** The index of the next {@code key} that starts a line, at or after {@code from}, or -1. */
  static int lineStart(String text, String key, int from) {
    int i = text.indexOf("\n" + key, Math.max(0, from - 1));
    return i < 0 ? -1 : i + 1;
  }

  /**
   * The documents: one for JSON, one or more for YAML ("---" separated). Empty YAML documents are
   * left out.
   *
   * @throws IOException "not valid JSON: ..." / "not valid YAML: ..."
   */
  static List<Object> documents(byte[] content) throws IOException {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (isJson(content)) {
      try (JsonReader reader = new JsonReader(new StringReader(text))) {
        Object doc = new Gson().fromJson(reader, Object.class);
        return doc == null ? List.of() : List.of(doc);
      } catch (IOException | RuntimeException | StackOverflowError e) {
        throw new IOException("not valid JSON: " + firstLine(e));
      }
    }
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) InputReader.MAX_INPUT_BYTES);
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(100);
    options.setAllowDuplicateKeys(true);
    // SnakeYAML would log one line per duplicate key: thousands for a hostile file (fuzzing).
    options.setWarnOnDuplicateKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<Object> docs = new ArrayList<>();
    try {
      for (Object doc : yaml.loadAll(text)) {
        if (doc != null) {
          docs.add(doc);
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      throw new IOException("not valid YAML: " + firstLine(e));
    }
    return docs;
  }

  private static String firstLine(Throwable e) {
    return Der.message(e).lines().findFirst().orElse("").strip();
  }

  /** The map under {@code key}, or an empty map. */
  @SuppressWarnings("unchecked")
  static Map<Object, Object> map(Object node, String key) {
    if (node instanceof Map<?, ?> m && m.get(key) instanceof Map<?, ?> child) {
      return (Map<Object, Object>) child;
    }
    return Map.of();
  }

  /** The list under {@code key}, or an empty list. */
  static List<?> list(Object node, String key) {
    if (node instanceof Map<?, ?> m && m.get(key) instanceof List<?> child) {
      return child;
    }
    return List.of();
  }

  /** The scalar under {@code key} as a string, or "". */
  static String string(Object node, String key) {
    if (node instanceof Map<?, ?> m) {
      Object v = m.get(key);
      if (v != null && !(v instanceof Map) && !(v instanceof List)) {
        return String.valueOf(v);
      }
    }
    return "";
  }
}
