package dev.meshcert.mesh.policy;

import java.util.List;
import java.util.Map;

/**
 * Evaluates a ztunnel {@code Authorization} as written in Istio's ambient test goldens, for a
 * plain-text connection (no peer principal) to a port: DENY if any group matches; a group matches
 * if all its rules match; a rule matches if any of its matches match; the fields of one match are
 * ANDed (EXPECTATIONS.md §1.5). Unknown fields fail the test rather than being guessed.
 */
final class AuthorizationOracle {

  private final Map<?, ?> authorization;

  AuthorizationOracle(Map<?, ?> authorization) {
    this.authorization = authorization;
    if (authorization != null && !"DENY".equals(authorization.get("action"))) {
      throw new IllegalArgumentException("only DENY policies are expected: " + authorization);
    }
  }

  boolean deniesPlaintext(int port) {
    if (authorization == null) {
      return false;
    }
    return list(authorization.get("groups")).stream()
        .anyMatch(
            g ->
                list(((Map<?, ?>) g).get("rules")).stream()
                    .allMatch(
                        r ->
                            list(((Map<?, ?>) r).get("matches")).stream()
                                .anyMatch(m -> matches((Map<?, ?>) m, port))));
  }

  private static boolean matches(Map<?, ?> match, int port) {
    boolean all = true;
    for (Map.Entry<?, ?> field : match.entrySet()) {
      List<?> values = list(field.getValue());
      all &=
          switch (String.valueOf(field.getKey())) {
            case "destinationPorts" -> values.contains(port);
            case "notDestinationPorts" -> !values.contains(port);
            case "notPrincipals" -> !anyPrincipal(values);
            case "principals" -> anyPrincipal(values);
            default -> throw new IllegalArgumentException("unknown match field " + field.getKey());
          };
    }
    return all;
  }

  /** Whether a principal matcher list matches a connection without principal: never. */
  private static boolean anyPrincipal(List<?> matchers) {
    for (Object m : matchers) {
      if (!((Map<?, ?>) m).containsKey("presence")) {
        throw new IllegalArgumentException("unknown principal matcher " + m);
      }
    }
    return false;
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }
}
