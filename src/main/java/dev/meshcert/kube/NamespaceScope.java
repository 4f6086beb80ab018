package dev.meshcert.kube;

import java.util.Optional;

/**
 * Which namespaces an operation covers: all, or one.
 *
 * @param namespace the namespace, empty for all namespaces
 */
public record NamespaceScope(Optional<String> namespace) {

  /** Every namespace. */
  public static NamespaceScope all() {
    return new NamespaceScope(Optional.empty());
  }

  /** One namespace. */
  public static NamespaceScope of(String namespace) {
    return new NamespaceScope(Optional.of(namespace));
  }

  /** Whether this covers every namespace. */
  public boolean isAll() {
    return namespace.isEmpty();
  }

  /** Whether {@code ns} is covered. */
  public boolean covers(String ns) {
    return namespace.map(ns::equals).orElse(true);
  }

  @Override
  public String toString() {
    return namespace.map(n -> "namespace " + n).orElse("all namespaces");
  }
}
