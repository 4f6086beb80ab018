package dev.meshcert.mesh.policy;

/**
 * Names one policy object.
 *
 * @param namespace its namespace
 * @param name its name
 */
public record PolicyRef(String namespace, String name) {

  /** "name.namespace", the way {@code istioctl x describe} prints policies. */
  @Override
  public String toString() {
    return name + "." + namespace;
  }
}
