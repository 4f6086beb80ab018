package dev.meshcert.kube;

import java.util.Optional;

/**
 * One API operation, for messages: "list pods in namespace bookinfo".
 *
 * @param verb the RBAC verb (get, list, watch)
 * @param resource the resource ("pods", "peerauthentications.security.istio.io")
 * @param namespace the namespace, empty for cluster-wide
 */
public record Operation(String verb, String resource, Optional<String> namespace) {

  /** A cluster-wide operation. */
  public static Operation clusterWide(String verb, String resource) {
    return new Operation(verb, resource, Optional.empty());
  }

  /** An operation in {@code namespace}. */
  public static Operation in(String verb, String resource, String namespace) {
    return new Operation(verb, resource, Optional.of(namespace));
  }

  /** "list pods in namespace bookinfo" or "list pods in all namespaces". */
  public String describe() {
    return verb
        + " "
        + resource
        + namespace.map(n -> " in namespace " + n).orElse(" in all namespaces");
  }
}
