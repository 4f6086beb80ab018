package dev.meshcert.mesh.workload;

/**
 * A port a container declares.
 *
 * @param number the container (target) port, 1-65535
 * @param name the port name, or "" when unnamed
 * @param protocol TCP, UDP or SCTP
 */
public record ContainerPort(int number, String name, String protocol) {

  /** A TCP port without a name. */
  public static ContainerPort tcp(int number) {
    return new ContainerPort(number, "", "TCP");
  }
}
