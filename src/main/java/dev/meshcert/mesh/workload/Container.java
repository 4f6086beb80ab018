package dev.meshcert.mesh.workload;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container of a pod, regular or init.
 *
 * @param name the container name
 * @param image the image reference, "" when absent
 * @param ports declared ports
 * @param env environment variables with a literal value (references to Secrets or fields are left
 *     out: they carry no value here)
 * @param restartPolicy the container-level restart policy; only init containers have one, and
 *     {@code Always} makes them native sidecars (Kubernetes 1.28+)
 * @param mounts volume mounts
 */
public record Container(
    String name,
    String image,
    List<ContainerPort> ports,
    Map<String, String> env,
    Optional<String> restartPolicy,
    List<VolumeMount> mounts) {

  /** Copies the collections so the record stays immutable. */
  public Container {
    ports = List.copyOf(ports);
    env = Map.copyOf(env);
    mounts = List.copyOf(mounts);
  }

  /** A container with only a name and an image. */
  public static Container of(String name, String image) {
    return new Container(name, image, List.of(), Map.of(), Optional.empty(), List.of());
  }

  /** Whether this is an init container that keeps running beside the app (a native sidecar). */
  public boolean restartsAlways() {
    return restartPolicy.map("Always"::equals).orElse(false);
  }

  /** The image tag after the last ':' of the last path segment, if any ("1.24.2"). */
  public Optional<String> imageTag() {
    String last = image.substring(image.lastIndexOf('/') + 1);
    int at = last.indexOf('@');
    if (at >= 0) {
      last = last.substring(0, at);
    }
    int colon = last.lastIndexOf(':');
    return colon < 0 || colon == last.length() - 1
        ? Optional.empty()
        : Optional.of(last.substring(colon + 1));
  }

  /** The image name without registry and tag ("proxyv2"). */
  public String imageName() {
    String last = image.substring(image.lastIndexOf('/') + 1);
    int cut = last.indexOf('@');
    if (cut >= 0) {
      last = last.substring(0, cut);
    }
    int colon = last.indexOf(':');
    return colon < 0 ? last : last.substring(0, colon);
  }

  /** This container with other environment variables. */
  public Container withEnv(Map<String, String> newEnv) {
    return new Container(name, image, ports, newEnv, restartPolicy, mounts);
  }

  /** This container with other ports. */
  public Container withPorts(List<ContainerPort> newPorts) {
    return new Container(name, image, newPorts, env, restartPolicy, mounts);
  }

  /** This container with a restart policy (for init containers). */
  public Container withRestartPolicy(String policy) {
    return new Container(name, image, ports, env, Optional.of(policy), mounts);
  }

  /** This container with other mounts. */
  public Container withMounts(List<VolumeMount> newMounts) {
    return new Container(name, image, ports, env, restartPolicy, newMounts);
  }
}
