package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The meshes recognised by a proxy container plus an injector's marks: Consul, Kuma, Open Service
 * Mesh, NGINX Service Mesh and AWS App Mesh. A mark alone (annotation, label, init container)
 * counts as evidence only together with the proxy container, except for marks that only the
 * injector writes ({@link #injectedMarks}).
 */
final class EnvoyMeshRule implements DataPlaneRule {

  private final DataPlane plane;
  private final BiPredicate<Workload, Container> isProxy;
  private final Map<String, String> injectedMarks;
  private final List<String> initContainers;
  private final int adminPort;

  private EnvoyMeshRule(
      DataPlane plane,
      BiPredicate<Workload, Container> isProxy,
      Map<String, String> injectedMarks,
      List<String> initContainers,
      int adminPort) {
    this.plane = plane;
    this.isProxy = isProxy;
    this.injectedMarks = injectedMarks;
    this.initContainers = initContainers;
    this.adminPort = adminPort;
  }

  /** Consul: {@code consul-dataplane} (1.14+) or the older {@code envoy-sidecar}. */
  static EnvoyMeshRule consul() {
    return new EnvoyMeshRule(
        DataPlane.CONSUL,
        (pod, c) -> c.name().equals("consul-dataplane") || c.name().equals("envoy-sidecar"),
        Map.of("consul.hashicorp.com/connect-inject-status", "injected"),
        List.of("consul-connect-inject-init"),
        19000);
  }

  /** Kuma and Kong Mesh: {@code kuma-sidecar}. */
  static EnvoyMeshRule kuma() {
    return new EnvoyMeshRule(
        DataPlane.KUMA,
        (pod, c) -> c.name().equals("kuma-sidecar"),
        Map.of("kuma.io/sidecar-injected", "true"),
        List.of("kuma-init"),
        9901);
  }

  /** Open Service Mesh: an {@code envoy} container beside {@code osm-init} or the proxy UUID. */
  static EnvoyMeshRule osm() {
    return new EnvoyMeshRule(
        DataPlane.OSM,
        (pod, c) ->
            c.name().equals("envoy")
                && (pod.initContainer("osm-init").isPresent()
                    || pod.labels().containsKey("osm-proxy-uuid")),
        Map.of("osm-proxy-uuid", ""),
        List.of("osm-init"),
        15000);
  }

  /** NGINX Service Mesh: {@code nginx-mesh-sidecar}. */
  static EnvoyMeshRule nginx() {
    return new EnvoyMeshRule(
        DataPlane.NGINX_SM,
        (pod, c) -> c.name().equals("nginx-mesh-sidecar"),
        Map.of(),
        List.of("nginx-mesh-init"),
        0);
  }

  /** AWS App Mesh: an Envoy from the App Mesh image, told its virtual node. */
  static EnvoyMeshRule appMesh() {
    return new EnvoyMeshRule(
        DataPlane.APP_MESH,
        (pod, c) ->
            c.image().contains("aws-appmesh-envoy")
                || c.env().containsKey("APPMESH_RESOURCE_ARN")
                || c.env().containsKey("APPMESH_VIRTUAL_NODE_NAME"),
        Map.of(),
        List.of("proxyinit"),
        9901);
  }

  @Override
  public Optional<DataPlaneDetection> detect(Workload pod, DetectionContext context) {
    DetectionBuilder b = new DetectionBuilder(plane);
    Optional<Container> proxy =
        pod.runningContainers().stream().filter(c -> isProxy.test(pod, c)).findFirst();
    proxy.ifPresent(c -> b.proxy(pod, c, c.imageTag()));
    injectedMarks.forEach(
        (key, value) -> {
          String a = pod.annotations().get(key);
          String l = pod.labels().get(key);
          if (a != null && (value.isEmpty() || value.equals(a))) {
            b.evidence("annotation " + key + "=" + a);
          } else if (l != null && (value.isEmpty() || value.equals(l))) {
            b.evidence("label " + key + "=" + l);
          }
        });
    if (!b.hasEvidence()) {
      return Optional.empty();
    }
    for (String init : initContainers) {
      pod.initContainer(init).ifPresent(c -> b.evidence("init container " + init));
    }
    if (proxy.isEmpty()) {
      b.warning("marked as injected but no " + plane.displayName() + " proxy container runs");
    } else if (adminPort > 0) {
      b.certSource(new CertSource.EnvoyAdmin(proxy.get().name(), adminPort));
    }
    return b.build();
  }
}
