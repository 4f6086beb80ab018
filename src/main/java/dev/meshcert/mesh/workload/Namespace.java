package dev.meshcert.mesh.workload;

import java.util.Map;

/**
 * A namespace with the labels meshes read ({@code istio-injection}, {@code istio.io/rev}, {@code
 * istio.io/dataplane-mode}, {@code linkerd.io/inject}).
 *
 * @param name the namespace name
 * @param labels its labels
 * @param annotations its annotations
 */
public record Namespace(String name, Map<String, String> labels, Map<String, String> annotations) {

  /** Copies the maps. */
  public Namespace {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  /** A namespace with neither labels nor annotations. */
  public static Namespace named(String name) {
    return new Namespace(name, Map.of(), Map.of());
  }
}
