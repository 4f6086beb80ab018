package dev.meshcert.mesh.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the TLS settings of DestinationRule objects (JSON/YAML trees as the API returns them, or
 * YAML text): {@code spec.trafficPolicy.tls.mode}, {@code portLevelSettings[].tls.mode} and the
 * same under {@code subsets[].trafficPolicy}. Rules without a host are skipped; unknown modes are
 * ignored. Never throws for bad input.
 */
public final class DestinationRuleParser {

  private DestinationRuleParser() {}

  /** Every DestinationRule document of a YAML stream; other kinds and bad YAML are skipped. */
  public static List<DestinationRule> parseYaml(String yaml, String defaultNamespace) {
    List<DestinationRule> out = new ArrayList<>();
    try {
      for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
        if (doc instanceof Map<?, ?> map && "DestinationRule".equals(map.get("kind"))) {
          parse(map, defaultNamespace).ifPresent(out::add);
        }
      }
    } catch (YAMLException e) {
      return out;
    }
    return out;
  }

  /** One object tree; empty when it names no host. */
  public static Optional<DestinationRule> parse(Map<?, ?> object, String defaultNamespace) {
    Map<?, ?> metadata = map(object.get("metadata"));
    Map<?, ?> spec = map(object.get("spec"));
    String namespace = text(metadata.get("namespace"));
    String host = text(spec.get("host"));
    if (host.isEmpty()) {
      return Optional.empty();
    }
    List<DestinationRule.TlsSetting> settings = new ArrayList<>();
    trafficPolicy(map(spec.get("trafficPolicy")), Optional.empty(), settings);
    if (spec.get("subsets") instanceof List<?> subsets) {
      for (Object s : subsets) {
        Map<?, ?> subset = map(s);
        String name = text(subset.get("name"));
        trafficPolicy(
            map(subset.get("trafficPolicy")),
            name.isEmpty() ? Optional.empty() : Optional.of(name),
            settings);
      }
    }
    return Optional.of(
        new DestinationRule(
            new PolicyRef(
                namespace.isEmpty() ? defaultNamespace : namespace, text(metadata.get("name"))),
            host,
            settings));
  }

  private static void trafficPolicy(
      Map<?, ?> policy, Optional<String> subset, List<DestinationRule.TlsSetting> out) {
    mode(map(policy.get("tls")))
        .ifPresent(m -> out.add(new DestinationRule.TlsSetting(Optional.empty(), subset, m)));
    if (policy.get("portLevelSettings") instanceof List<?> ports) {
      for (Object p : ports) {
        Map<?, ?> setting = map(p);
        Optional<Integer> port = number(map(setting.get("port")).get("number"));
        Optional<ClientTlsMode> mode = mode(map(setting.get("tls")));
        if (port.isPresent() && mode.isPresent()) {
          out.add(new DestinationRule.TlsSetting(port, subset, mode.get()));
        }
      }
    }
  }

  private static Optional<ClientTlsMode> mode(Map<?, ?> tls) {
    String mode = text(tls.get("mode")).toUpperCase(Locale.ROOT);
    for (ClientTlsMode m : ClientTlsMode.values()) {
      if (m.name().equals(mode)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> number(Object o) {
    if (o instanceof Number n) {
      return Optional.of(n.intValue());
    }
    try {
      return o instanceof String s ? Optional.of(Integer.parseInt(s.strip())) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o).strip();
  }
}
