package dev.meshcert.kube;

import dev.meshcert.mesh.workload.Namespace;
import java.util.List;
import java.util.Optional;

/**
 * The namespaces a user can see. When listing them is forbidden, the context's namespace (or
 * "default") stands in, and {@code limitedBy} says why; the user may then type another one.
 *
 * @param namespaces the namespaces, sorted by name
 * @param limitedBy why the list is only a fallback, empty when it is complete
 */
public record NamespaceListing(List<Namespace> namespaces, Optional<KubeFailure> limitedBy) {

  /** Copies the list. */
  public NamespaceListing {
    namespaces = List.copyOf(namespaces);
  }

  /** Whether this is the full list. */
  public boolean isComplete() {
    return limitedBy.isEmpty();
  }

  /** The names. */
  public List<String> names() {
    return namespaces.stream().map(Namespace::name).toList();
  }
}
