package dev.meshcert.core.read;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes long unbroken tokens (base64 values on one line, as {@code kubectl get secret -o yaml}
 * writes them) out of YAML text before SnakeYAML reads it, and puts them back into what it read.
 * SnakeYAML's reader copies its whole look-ahead window for every 1,024 characters of a single
 * token, so one 1 MB token costs 2.5 GB of allocation and seconds of garbage collection (found by
 * fuzzing); a short placeholder costs nothing. Only characters that cannot change the meaning of
 * YAML are taken (letters, digits, {@code + / = . _ ~ -}); a document with {@code !!binary} tags is
 * left alone.
 *
 * @param text the YAML text with each long token replaced by a placeholder
 * @param marker the prefix of the placeholders, absent from the original text
 * @param tokens the tokens taken out, placeholder {@code marker + i + "x"} standing for token i
 */
public record YamlLongTokens(String text, String marker, List<String> tokens) {

  /** Tokens at least this long are taken out; shorter ones cost SnakeYAML little. */
  public static final int MIN_LENGTH = 4096;

  private static final String SAFE = "[\\p{L}\\p{N}+/=._~-]";

  /**
   * A run of safe characters, matched only from its first character: without the look-behind the
   * matcher tries every position inside a shorter run again, quadratic in the run's length (800
   * one-line certificates of 2 KB took 16 s per reader; found by fuzzing).
   */
  private static final Pattern TOKEN =
      Pattern.compile("(?<!" + SAFE + ")" + SAFE + "{" + MIN_LENGTH + ",}");

  public YamlLongTokens {
    tokens = List.copyOf(tokens);
  }

  /** The text with its long tokens taken out (the text itself when it has none). */
  public static YamlLongTokens cut(String yaml) {
    if (yaml.length() < MIN_LENGTH || yaml.contains("!!binary")) {
      return new YamlLongTokens(yaml, "", List.of());
    }
    Matcher m = TOKEN.matcher(yaml);
    if (!m.find()) {
      return new YamlLongTokens(yaml, "", List.of());
    }
    String marker = "meshcertLongToken";
    for (int n = 0; yaml.contains(marker); n++) {
      marker = "meshcertLongToken" + n + "z";
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder out = new StringBuilder(yaml.length() / 4);
    int last = 0;
    do {
      out.append(yaml, last, m.start()).append(marker).append(tokens.size()).append('x');
      tokens.add(m.group());
      last = m.end();
    } while (m.find());
    out.append(yaml, last, yaml.length());
    return new YamlLongTokens(out.toString(), marker, tokens);
  }

  /** {@code s} with every placeholder replaced by its token. */
  public String restore(String s) {
    if (tokens.isEmpty() || !s.contains(marker)) {
      return s;
    }
    Matcher m = Pattern.compile(Pattern.quote(marker) + "(\\d+)x").matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(i < tokens.size() ? tokens.get(i) : ""));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * What SnakeYAML constructed from {@link #text()}, with the tokens put back into every string,
   * key or value, of maps and lists; other objects are returned as they are. Shared nodes (YAML
   * aliases) stay shared, so the work is linear in what SnakeYAML built.
   */
  public Object restore(Object node) {
    return tokens.isEmpty() ? node : restore(node, new IdentityHashMap<>());
  }

  private Object restore(Object node, Map<Object, Object> done) {
    if (node instanceof String s) {
      return restore(s);
    }
    if (!(node instanceof List<?>) && !(node instanceof Map<?, ?>)) {
      return node;
    }
    Object seen = done.get(node);
    if (seen != null) {
      return seen;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      done.put(node, out);
      for (Object item : list) {
        out.add(restore(item, done));
      }
      return out;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    done.put(node, out);
    for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
      out.put(restore(e.getKey(), done), restore(e.getValue(), done));
    }
    return out;
  }
}
