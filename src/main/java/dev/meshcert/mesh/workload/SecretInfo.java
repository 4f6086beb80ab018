package dev.meshcert.mesh.workload;

import java.util.Set;

/**
 * That a Secret exists, and which keys it holds: never the values (the app does not keep private
 * keys in memory longer than it takes to drop them).
 *
 * @param namespace its namespace
 * @param name its name
 * @param type its type ("Opaque", "kubernetes.io/tls", "istio.io/ca-root")
 * @param keys the names of its data entries
 */
public record SecretInfo(String namespace, String name, String type, Set<String> keys) {

  /** Copies the keys. */
  public SecretInfo {
    keys = Set.copyOf(keys);
  }
}
