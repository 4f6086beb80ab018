package dev.meshcert.mesh.workload;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes Service, as far as mTLS analysis needs it: which pods it selects and on which ports.
 *
 * @param namespace the namespace
 * @param name the name
 * @param selector the pod selector; empty for services without one (they select no pod)
 * @param ports the service ports with their target (container) ports
 */
public record ServiceInfo(
    String namespace, String name, Map<String, String> selector, List<Port> ports) {

  /** Copies the collections. */
  public ServiceInfo {
    selector = Map.copyOf(selector);
    ports = List.copyOf(ports);
  }

  /** "namespace/name". */
  public String ref() {
    return namespace + "/" + name;
  }

  /** Whether this service sends traffic to {@code pod}. */
  public boolean selects(Workload pod) {
    return !selector.isEmpty()
        && pod.namespace().equals(namespace)
        && selector.entrySet().stream()
            .allMatch(e -> e.getValue().equals(pod.labels().get(e.getKey())));
  }

  /** The container port behind service port {@code port}, the port itself when not mapped. */
  public int targetPort(int port) {
    return ports.stream()
        .filter(p -> p.port() == port)
        .findFirst()
        .map(Port::targetPort)
        .orElse(port);
  }

  /**
   * One service port.
   *
   * @param port the port clients call
   * @param targetPort the container port it forwards to (a named target resolved, else the port)
   */
  public record Port(int port, int targetPort) {}
}
