package dev.meshcert.kube.pull;

import dev.meshcert.kube.NamespaceScope;
import java.util.Optional;

/** What to scan: one pod, one namespace, or every namespace the user can see. */
public sealed interface ScanTarget {

  /** The namespaces to list pods in. */
  NamespaceScope scope();

  /** "bookinfo/productpage-v1-abc", "namespace bookinfo", "all namespaces". */
  String describe();

  /** One pod. */
  record Pod(String namespace, String name) implements ScanTarget {
    @Override
    public NamespaceScope scope() {
      return NamespaceScope.of(namespace);
    }

    @Override
    public String describe() {
      return namespace + "/" + name;
    }
  }

  /** Every pod of a namespace. */
  record Namespace(String name) implements ScanTarget {
    @Override
    public NamespaceScope scope() {
      return NamespaceScope.of(name);
    }

    @Override
    public String describe() {
      return "namespace " + name;
    }
  }

  /** Every pod of every namespace. */
  record All() implements ScanTarget {
    @Override
    public NamespaceScope scope() {
      return NamespaceScope.all();
    }

    @Override
    public String describe() {
      return "all namespaces";
    }
  }

  /** A pod ("ns/name"), a namespace ("ns") or all (empty). */
  static ScanTarget parse(Optional<String> text) {
    if (text.isEmpty() || text.get().isBlank()) {
      return new All();
    }
    String t = text.get().strip();
    int slash = t.indexOf('/');
    return slash < 0 ? new Namespace(t) : new Pod(t.substring(0, slash), t.substring(slash + 1));
  }
}
