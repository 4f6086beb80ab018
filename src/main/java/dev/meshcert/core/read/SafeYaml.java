package dev.meshcert.core.read;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * SnakeYAML as every reader of outside YAML text into plain maps and lists uses it: safe
 * constructor only, the same limits as {@code Structured} (input size, aliases, nesting, duplicate
 * keys allowed and not logged), and long unbroken tokens taken out before SnakeYAML reads and put
 * back after ({@link YamlLongTokens}): SnakeYAML copies its look-ahead window for every 1,024
 * characters of one token, so a one-line base64 value of 1.9 MB cost a second of CPU.
 *
 * <p>For small configuration documents (a PeerAuthentication, Istio's mesh config, Linkerd's
 * values) that never hold binary values: a text with a {@code !!binary} tag is refused, because
 * {@link YamlLongTokens} leaves such a text whole, and one {@code !!binary} anywhere would bring
 * the quadratic reading back.
 */
public final class SafeYaml {

  private SafeYaml() {}

  /** The loader limits, as {@code Structured} sets them. */
  public static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) InputReader.MAX_INPUT_BYTES);
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(100);
    options.setAllowDuplicateKeys(true);
    // SnakeYAML would log one line per duplicate key: thousands for a hostile file (fuzzing).
    options.setWarnOnDuplicateKeys(false);
    return options;
  }

  /**
   * Every document of {@code text}, empty ones left out: maps, lists, strings, numbers, booleans,
   * dates.
   *
   * @throws YAMLException when the text is not YAML, passes a limit or holds a binary value
   */
  public static List<Object> loadAll(String text) {
    if (text.contains("!!binary")) {
      throw new YAMLException("binary values (!!binary) are not read in this document");
    }
    YamlLongTokens cut = YamlLongTokens.cut(text);
    List<Object> docs = new ArrayList<>();
    try {
      for (Object doc : new Yaml(new SafeConstructor(options())).loadAll(cut.text())) {
        if (doc != null) {
          docs.add(cut.restore(doc));
        }
      }
    } catch (YAMLException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new YAMLException(String.valueOf(e.getMessage()), e);
    }
    return docs;
  }

  /** The first document of {@code text}, or null when it has none. */
  public static Object load(String text) {
    List<Object> docs = loadAll(text);
    return docs.isEmpty() ? null : docs.get(0);
  }
}
