package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.SecretInfo;
import dev.meshcert.mesh.workload.WorkloadResource;
import java.util.List;
import java.util.Optional;

/**
 * What control-plane detection reads from a cluster.
 *
 * @param resources Deployments, StatefulSets and DaemonSets (of the control-plane namespaces, or
 *     all)
 * @param configMaps the ConfigMaps read ({@code istio*}, {@code linkerd-*}, {@code spire-server})
 * @param secrets Secret names and keys, or empty when Secrets could not be listed (the CA mode is
 *     then unknown)
 * @param problems what could not be read while gathering these ("Deployments in all namespaces:
 *     forbidden, read istio-system and linkerd only")
 */
public record ControlPlaneInputs(
    List<WorkloadResource> resources,
    List<ConfigMapData> configMaps,
    Optional<List<SecretInfo>> secrets,
    List<String> problems) {

  /** Copies the lists. */
  public ControlPlaneInputs {
    resources = List.copyOf(resources);
    configMaps = List.copyOf(configMaps);
    secrets = secrets.map(List::copyOf);
    problems = List.copyOf(problems);
  }

  /** Inputs gathered without problems. */
  public ControlPlaneInputs(
      List<WorkloadResource> resources,
      List<ConfigMapData> configMaps,
      Optional<List<SecretInfo>> secrets) {
    this(resources, configMaps, secrets, List.of());
  }

  /** The ConfigMap {@code namespace/name}, if read. */
  public Optional<ConfigMapData> configMap(String namespace, String name) {
    return configMaps.stream()
        .filter(c -> c.namespace().equals(namespace) && c.name().equals(name))
        .findFirst();
  }

  /** The Secret {@code namespace/name}, if listed. */
  public Optional<SecretInfo> secret(String namespace, String name) {
    return secrets.orElse(List.of()).stream()
        .filter(s -> s.namespace().equals(namespace) && s.name().equals(name))
        .findFirst();
  }
}
