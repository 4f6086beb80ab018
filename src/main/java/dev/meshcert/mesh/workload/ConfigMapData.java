package dev.meshcert.mesh.workload;

import java.util.Map;

/**
 * A ConfigMap's text data ({@code istio}'s mesh config, Linkerd's trust roots).
 *
 * @param namespace its namespace
 * @param name its name
 * @param labels its labels
 * @param data its {@code data} entries (binaryData is left out)
 */
public record ConfigMapData(
    String namespace, String name, Map<String, String> labels, Map<String, String> data) {

  /** Copies the maps. */
  public ConfigMapData {
    labels = Map.copyOf(labels);
    data = Map.copyOf(data);
  }
}
