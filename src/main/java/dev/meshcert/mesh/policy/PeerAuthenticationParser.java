package dev.meshcert.mesh.policy;

import dev.meshcert.core.read.SafeYaml;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns PeerAuthentication objects (JSON/YAML trees as the API returns them, or YAML text) into
 * {@link PeerAuthentication} records, validating each with {@link PeerAuthenticationValidator}.
 * Never throws for bad input.
 */
public final class PeerAuthenticationParser {

  private PeerAuthenticationParser() {}

  /**
   * Reads every document of a YAML stream. Documents that are not mappings, or not YAML, come back
   * as invalid entries.
   *
   * @param defaultNamespace the namespace for objects that name none (kubectl's current one)
   */
  public static List<ParsedPeerAuthentication> parseYaml(String yaml, String defaultNamespace) {
    List<ParsedPeerAuthentication> out = new ArrayList<>();
    try {
      for (Object doc : SafeYaml.loadAll(yaml)) {
        if (doc instanceof Map<?, ?> map) {
          out.add(parse(map, defaultNamespace));
        } else {
          out.add(invalid("", "", new ValidationError("", "document is not a YAML mapping")));
        }
      }
    } catch (YAMLException e) {
      out.add(invalid("", "", new ValidationError("", "not valid YAML: " + e.getMessage())));
    }
    return out;
  }

  /** Reads one object tree. */
  public static ParsedPeerAuthentication parse(Map<?, ?> object, String defaultNamespace) {
    Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    String name = text(metadata.get("name"));
    String namespace = text(metadata.get("namespace"));
    if (namespace.isEmpty()) {
      namespace = defaultNamespace;
    }
    List<ValidationError> errors = PeerAuthenticationValidator.validate(object);
    if (!errors.isEmpty()) {
      return new ParsedPeerAuthentication(new PolicyRef(namespace, name), Optional.empty(), errors);
    }
    Map<?, ?> spec = object.get("spec") instanceof Map<?, ?> s ? s : Map.of();
    Optional<Map<String, String>> selector = Optional.empty();
    if (spec.get("selector") instanceof Map<?, ?> sel) {
      Map<String, String> labels = new LinkedHashMap<>();
      if (sel.get("matchLabels") instanceof Map<?, ?> ml) {
        ml.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
      }
      selector = Optional.of(labels);
    }
    Map<Integer, MtlsMode> ports = new LinkedHashMap<>();
    if (spec.get("portLevelMtls") instanceof Map<?, ?> pl) {
      pl.forEach((k, v) -> ports.put(Integer.parseInt(String.valueOf(k).trim()), modeOf(v)));
    }
    PeerAuthentication policy =
        new PeerAuthentication(
            text(object.get("apiVersion")),
            namespace,
            name,
            created(metadata.get("creationTimestamp")),
            selector,
            modeOf(spec.get("mtls")),
            ports);
    return new ParsedPeerAuthentication(policy.ref(), Optional.of(policy), List.of());
  }

  private static MtlsMode modeOf(Object mtls) {
    if (mtls instanceof Map<?, ?> m && m.get("mode") != null) {
      return MtlsMode.parse(String.valueOf(m.get("mode"))).orElse(MtlsMode.UNSET);
    }
    return MtlsMode.UNSET;
  }

  private static Optional<Instant> created(Object value) {
    if (value instanceof Date d) {
      return Optional.of(d.toInstant());
    }
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(String.valueOf(value)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  private static ParsedPeerAuthentication invalid(
      String namespace, String name, ValidationError error) {
    return new ParsedPeerAuthentication(
        new PolicyRef(namespace, name), Optional.empty(), List.of(error));
  }
}
