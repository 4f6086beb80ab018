package dev.meshcert.mesh.workload;

import java.util.List;
import java.util.Map;

/**
 * A Deployment, StatefulSet or DaemonSet, as far as control-plane detection needs it.
 *
 * @param kind which controller
 * @param namespace its namespace
 * @param name its name
 * @param labels its labels (istiod carries {@code app=istiod}, {@code istio.io/rev})
 * @param containers the pod template's containers
 * @param desired desired replicas (scheduled pods for a DaemonSet)
 * @param ready ready replicas
 */
public record WorkloadResource(
    Kind kind,
    String namespace,
    String name,
    Map<String, String> labels,
    List<Container> containers,
    int desired,
    int ready) {

  /** Copies the collections. */
  public WorkloadResource {
    labels = Map.copyOf(labels);
    containers = List.copyOf(containers);
  }

  /** "1/1", like {@code kubectl get deploy}. */
  public String readiness() {
    return ready + "/" + desired;
  }

  /** Whether every desired replica is ready and there is at least one. */
  public boolean isReady() {
    return desired > 0 && ready >= desired;
  }

  /** The controller kinds. */
  public enum Kind {
    DEPLOYMENT,
    STATEFUL_SET,
    DAEMON_SET
  }
}
