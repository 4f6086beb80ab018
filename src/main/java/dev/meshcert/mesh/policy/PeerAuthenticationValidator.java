package dev.meshcert.mesh.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a PeerAuthentication object (as a JSON/YAML tree) against the rules of Istio's CRD schema
 * and its CEL validations, the ones the API server applies on {@code kubectl apply}. Messages
 * follow the API server's wording so they can be matched against what users see.
 */
public final class PeerAuthenticationValidator {

  /** The API versions this validator and the resolver understand. */
  public static final Set<String> API_VERSIONS =
      Set.of("security.istio.io/v1", "security.istio.io/v1beta1");

  private static final String MODES =
      "supported values: \"UNSET\", \"DISABLE\", \"PERMISSIVE\", \"STRICT\"";

  private PeerAuthenticationValidator() {}

  /** Every rule {@code object} breaks; empty when it is valid. */
  public static List<ValidationError> validate(Map<?, ?> object) {
    List<ValidationError> errors = new ArrayList<>();
    Object apiVersion = object.get("apiVersion");
    if (!API_VERSIONS.contains(String.valueOf(apiVersion))) {
      errors.add(
          new ValidationError(
              "apiVersion",
              "Unsupported value: \""
                  + apiVersion
                  + "\": expected security.istio.io/v1 or v1beta1"));
    }
    if (!"PeerAuthentication".equals(object.get("kind"))) {
      errors.add(new ValidationError("kind", "Unsupported value: \"" + object.get("kind") + "\""));
    }
    Object name = object.get("metadata") instanceof Map<?, ?> m ? m.get("name") : null;
    if (name == null || String.valueOf(name).isEmpty()) {
      errors.add(new ValidationError("metadata.name", "Required value: name is required"));
    }
    Object spec = object.get("spec");
    if (spec == null) {
      return errors;
    }
    if (!(spec instanceof Map<?, ?> s)) {
      errors.add(new ValidationError("spec", "Invalid value: must be an object"));
      return errors;
    }
    boolean hasLabels = selector(s.get("selector"), errors);
    if (s.get("mtls") instanceof Map<?, ?> mtls) {
      mode(mtls.get("mode"), "spec.mtls.mode", errors);
    } else if (s.get("mtls") != null) {
      errors.add(new ValidationError("spec.mtls", "Invalid value: must be an object"));
    }
    if (s.containsKey("portLevelMtls")) {
      portLevel(s.get("portLevelMtls"), errors);
      if (!hasLabels) {
        errors.add(
            new ValidationError(
                "spec", "Invalid value: \"object\": portLevelMtls requires selector"));
      }
    }
    return errors;
  }

  /** Checks the selector; returns whether it has at least one label. */
  private static boolean selector(Object selector, List<ValidationError> errors) {
    if (selector == null) {
      return false;
    }
    if (!(selector instanceof Map<?, ?> sel)) {
      errors.add(new ValidationError("spec.selector", "Invalid value: must be an object"));
      return false;
    }
    Object labels = sel.get("matchLabels");
    if (labels == null) {
      return false;
    }
    if (!(labels instanceof Map<?, ?> ml)) {
      errors.add(
          new ValidationError("spec.selector.matchLabels", "Invalid value: must be an object"));
      return false;
    }
    String field = "spec.selector.matchLabels";
    for (Map.Entry<?, ?> e : ml.entrySet()) {
      String key = String.valueOf(e.getKey());
      String value = String.valueOf(e.getValue());
      if (key.isEmpty()) {
        errors.add(new ValidationError(field, "Invalid value: \"object\": key must not be empty"));
      }
      if (key.contains("*")) {
        errors.add(
            new ValidationError(
                field, "Invalid value: \"object\": wildcard not allowed in label key match"));
      }
      if (value.contains("*")) {
        errors.add(
            new ValidationError(
                field + "[" + key + "]",
                "Invalid value: \"string\": wildcard not allowed in label value match"));
      }
      if (value.length() > 63) {
        errors.add(
            new ValidationError(
                field + "[" + key + "]", "Too long: may not be more than 63 bytes"));
      }
    }
    return !ml.isEmpty();
  }

  private static void mode(Object mode, String field, List<ValidationError> errors) {
    if (mode != null && MtlsMode.parse(String.valueOf(mode)).isEmpty()) {
      errors.add(new ValidationError(field, "Unsupported value: \"" + mode + "\": " + MODES));
    }
  }

  private static void portLevel(Object portLevel, List<ValidationError> errors) {
    String field = "spec.portLevelMtls";
    if (!(portLevel instanceof Map<?, ?> ports)) {
      errors.add(new ValidationError(field, "Invalid value: must be an object"));
      return;
    }
    if (ports.isEmpty()) {
      errors.add(
          new ValidationError(
              field, "Invalid value: 0: " + field + " in body should have at least 1 properties"));
      return;
    }
    for (Map.Entry<?, ?> e : ports.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!key.matches("[+-]?\\d+")) {
        errors.add(
            new ValidationError(
                field,
                "Invalid value: \"object\": type conversion error from 'string' to 'int' (key \""
                    + key
                    + "\")"));
      } else if (!inPortRange(key)) {
        errors.add(
            new ValidationError(field, "Invalid value: \"object\": port must be between 1-65535"));
      }
      if (e.getValue() instanceof Map<?, ?> v) {
        mode(v.get("mode"), field + "[" + key + "].mode", errors);
      } else if (e.getValue() != null) {
        errors.add(
            new ValidationError(field + "[" + key + "]", "Invalid value: must be an object"));
      }
    }
  }

  private static boolean inPortRange(String digits) {
    try {
      long port = Long.parseLong(digits);
      return port >= 1 && port <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
