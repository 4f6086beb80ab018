package dev.meshcert.mesh.envoy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns a YAML document into the Gson tree JSON would give. Works on the composed node graph, so no
 * object is ever constructed from tags and scalars keep their text: timestamps such as {@code
 * last_updated: 2023-05-15T01:32:52.262Z} stay strings instead of becoming dates.
 */
final class YamlTree {

  /** Deeper documents are refused; real dumps nest about 30 levels. */
  static final int MAX_DEPTH = 200;

  private YamlTree() {}

  /** A YAML document that could not be read. */
  static final class YamlException extends RuntimeException {
    YamlException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static JsonElement parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setAllowRecursiveKeys(false);
    // SnakeYAML would log one line per duplicate key: thousands for a hostile file (fuzzing).
    options.setWarnOnDuplicateKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    Node root;
    try {
      root = yaml.compose(new StringReader(text));
    } catch (RuntimeException e) {
      throw new YamlException(e.getMessage(), e);
    }
    if (root == null) {
      throw new YamlException("no YAML document", null);
    }
    return convert(root, 0);
  }

  private static JsonElement convert(Node node, int depth) {
    if (depth > MAX_DEPTH) {
      throw new YamlException("nested more than " + MAX_DEPTH + " levels (or an alias loop)", null);
    }
    if (node instanceof ScalarNode scalar) {
      String value = scalar.getValue();
      boolean plain = scalar.isPlain();
      return plain && Resolver.NULL.matcher(value).matches()
          ? JsonNull.INSTANCE
          : new JsonPrimitive(value);
    }
    if (node instanceof SequenceNode sequence) {
      JsonArray array = new JsonArray();
      for (Node item : sequence.getValue()) {
        array.add(convert(item, depth + 1));
      }
      return array;
    }
    JsonObject object = new JsonObject();
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      Node key = tuple.getKeyNode();
      String name = key instanceof ScalarNode s ? s.getValue() : key.toString();
      object.add(name, convert(tuple.getValueNode(), depth + 1));
    }
    return object;
  }
}
