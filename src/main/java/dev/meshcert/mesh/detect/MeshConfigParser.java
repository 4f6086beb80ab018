package dev.meshcert.mesh.detect;

import dev.meshcert.core.read.SafeYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the {@code mesh} YAML of Istio's ConfigMap into a {@link MeshConfig}. Never throws. */
public final class MeshConfigParser {

  private MeshConfigParser() {}

  /** Parses {@code yaml}; missing fields take Istio's defaults, bad YAML becomes a problem. */
  public static MeshConfig parse(String yaml) {
    Object root;
    try {
      root = SafeYaml.load(yaml);
    } catch (YAMLException e) {
      return MeshConfig.defaults()
          .withProblem("mesh config is not valid YAML: " + firstLine(e.getMessage()));
    }
    if (root == null) {
      return MeshConfig.defaults();
    }
    if (!(root instanceof Map<?, ?> map)) {
      return MeshConfig.defaults().withProblem("mesh config is not a YAML mapping");
    }
    String trustDomain =
        string(map.get("trustDomain"))
            .filter(s -> !s.isEmpty())
            .orElse(MeshConfig.DEFAULT_TRUST_DOMAIN);
    List<String> aliases = new ArrayList<>();
    if (map.get("trustDomainAliases") instanceof List<?> list) {
      list.forEach(a -> aliases.add(String.valueOf(a)));
    }
    Optional<String> caAddress = Optional.empty();
    if (map.get("defaultConfig") instanceof Map<?, ?> dc) {
      caAddress = string(dc.get("caAddress")).filter(s -> !s.isEmpty());
    }
    return new MeshConfig(
        trustDomain,
        aliases,
        string(map.get("rootNamespace")).filter(s -> !s.isEmpty()),
        caAddress,
        List.of());
  }

  private static Optional<String> string(Object value) {
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
