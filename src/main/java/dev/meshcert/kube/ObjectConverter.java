package dev.meshcert.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.ContainerPort;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.SecretInfo;
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Volume;
import dev.meshcert.mesh.workload.VolumeMount;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.mesh.workload.WorkloadResource;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns API objects into {@code mesh} records: the boundary past which nothing sees the client's
 * types. Tolerates absent fields everywhere (the API omits empty ones).
 */
final class ObjectConverter {

  private ObjectConverter() {}

  static Workload pod(V1Pod pod) {
    V1ObjectMeta meta = meta(pod.getMetadata());
    V1PodSpec spec = pod.getSpec();
    Workload.Builder b =
        Workload.builder(text(meta.getNamespace()), text(meta.getName()))
            .labels(map(meta.getLabels()))
            .annotations(map(meta.getAnnotations()));
    Optional.ofNullable(meta.getCreationTimestamp()).ifPresent(t -> b.created(t.toInstant()));
    owner(meta).ifPresent(o -> b.owner(o.getKind(), o.getName()));
    if (spec != null) {
      String sa = spec.getServiceAccountName();
      b.serviceAccount(sa == null || sa.isEmpty() ? "default" : sa);
      Optional.ofNullable(spec.getNodeName()).filter(n -> !n.isEmpty()).ifPresent(b::node);
      list(spec.getContainers()).forEach(c -> b.container(container(c)));
      list(spec.getInitContainers()).forEach(c -> b.initContainer(container(c)));
      list(spec.getVolumes()).forEach(v -> b.volume(volume(v)));
    }
    if (pod.getStatus() != null) {
      Optional.ofNullable(pod.getStatus().getPodIP())
          .filter(ip -> !ip.isEmpty())
          .ifPresent(b::podIp);
      Optional.ofNullable(pod.getStatus().getPhase()).ifPresent(b::phase);
    } else {
      b.phase("Unknown");
    }
    return b.build();
  }

  /** A Service: selector and ports; a named target port stands for the service port. */
  static ServiceInfo service(V1Service service) {
    V1ObjectMeta meta = service.getMetadata() == null ? new V1ObjectMeta() : service.getMetadata();
    Map<String, String> selector =
        service.getSpec() == null || service.getSpec().getSelector() == null
            ? Map.of()
            : service.getSpec().getSelector();
    List<ServiceInfo.Port> ports = new ArrayList<>();
    if (service.getSpec() != null && service.getSpec().getPorts() != null) {
      for (V1ServicePort p : service.getSpec().getPorts()) {
        if (p.getPort() != null) {
          IntOrString target = p.getTargetPort();
          int to = target != null && target.isInteger() ? target.getIntValue() : p.getPort();
          ports.add(new ServiceInfo.Port(p.getPort(), to));
        }
      }
    }
    return new ServiceInfo(
        String.valueOf(meta.getNamespace()), String.valueOf(meta.getName()), selector, ports);
  }

  static Namespace namespace(V1Namespace ns) {
    V1ObjectMeta meta = meta(ns.getMetadata());
    return new Namespace(text(meta.getName()), map(meta.getLabels()), map(meta.getAnnotations()));
  }

  static WorkloadResource deployment(V1Deployment d) {
    V1ObjectMeta meta = meta(d.getMetadata());
    int desired =
        d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int ready = d.getStatus() == null ? 0 : zero(d.getStatus().getReadyReplicas());
    return resource(
        WorkloadResource.Kind.DEPLOYMENT,
        meta,
        d.getSpec() == null ? null : d.getSpec().getTemplate(),
        desired,
        ready);
  }

  static WorkloadResource statefulSet(V1StatefulSet s) {
    V1ObjectMeta meta = meta(s.getMetadata());
    int desired =
        s.getSpec() == null || s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    int ready = s.getStatus() == null ? 0 : zero(s.getStatus().getReadyReplicas());
    return resource(
        WorkloadResource.Kind.STATEFUL_SET,
        meta,
        s.getSpec() == null ? null : s.getSpec().getTemplate(),
        desired,
        ready);
  }

  static WorkloadResource daemonSet(V1DaemonSet d) {
    V1ObjectMeta meta = meta(d.getMetadata());
    int desired = d.getStatus() == null ? 0 : zero(d.getStatus().getDesiredNumberScheduled());
    int ready = d.getStatus() == null ? 0 : zero(d.getStatus().getNumberReady());
    return resource(
        WorkloadResource.Kind.DAEMON_SET,
        meta,
        d.getSpec() == null ? null : d.getSpec().getTemplate(),
        desired,
        ready);
  }

  static ConfigMapData configMap(V1ConfigMap c) {
    V1ObjectMeta meta = meta(c.getMetadata());
    return new ConfigMapData(
        text(meta.getNamespace()), text(meta.getName()), map(meta.getLabels()), map(c.getData()));
  }

  /** A Secret's name, type and key names; the values are never read out of the JSON. */
  static SecretInfo secret(JsonObject item, String namespace) {
    JsonObject meta = item.has("metadata") ? item.getAsJsonObject("metadata") : new JsonObject();
    Set<String> keys = new LinkedHashSet<>();
    for (String field : List.of("data", "stringData")) {
      JsonElement data = item.get(field);
      if (data != null && data.isJsonObject()) {
        keys.addAll(data.getAsJsonObject().keySet());
      }
    }
    String ns = string(meta, "namespace").orElse(namespace);
    return new SecretInfo(
        ns, string(meta, "name").orElse(""), string(item, "type").orElse(""), keys);
  }

  private static WorkloadResource resource(
      WorkloadResource.Kind kind,
      V1ObjectMeta meta,
      V1PodTemplateSpec template,
      int desired,
      int ready) {
    List<Container> containers =
        template == null || template.getSpec() == null
            ? List.of()
            : list(template.getSpec().getContainers()).stream()
                .map(ObjectConverter::container)
                .toList();
    return new WorkloadResource(
        kind,
        text(meta.getNamespace()),
        text(meta.getName()),
        map(meta.getLabels()),
        containers,
        desired,
        ready);
  }

  private static Container container(io.kubernetes.client.openapi.models.V1Container c) {
    List<ContainerPort> ports =
        list(c.getPorts()).stream()
            .map(
                p ->
                    new ContainerPort(
                        p.getContainerPort() == null ? 0 : p.getContainerPort(),
                        text(p.getName()),
                        p.getProtocol() == null ? "TCP" : p.getProtocol()))
            .toList();
    Map<String, String> env = new LinkedHashMap<>();
    for (V1EnvVar e : list(c.getEnv())) {
      if (e.getName() != null && e.getValue() != null && e.getValueFrom() == null) {
        env.put(e.getName(), e.getValue());
      }
    }
    List<VolumeMount> mounts =
        list(c.getVolumeMounts()).stream()
            .map(
                m ->
                    new VolumeMount(
                        text(m.getName()),
                        text(m.getMountPath()),
                        Boolean.TRUE.equals(m.getReadOnly())))
            .toList();
    return new Container(
        text(c.getName()),
        text(c.getImage()),
        ports,
        env,
        Optional.ofNullable(c.getRestartPolicy()),
        mounts);
  }

  private static Volume volume(V1Volume v) {
    String name = text(v.getName());
    if (v.getCsi() != null) {
      return Volume.csi(name, text(v.getCsi().getDriver()), map(v.getCsi().getVolumeAttributes()));
    }
    if (v.getSecret() != null) {
      return Volume.secret(name, text(v.getSecret().getSecretName()));
    }
    if (v.getConfigMap() != null) {
      return new Volume(name, Volume.Kind.CONFIG_MAP, text(v.getConfigMap().getName()), Map.of());
    }
    Volume.Kind kind =
        v.getProjected() != null
            ? Volume.Kind.PROJECTED
            : v.getEmptyDir() != null
                ? Volume.Kind.EMPTY_DIR
                : v.getHostPath() != null
                    ? Volume.Kind.HOST_PATH
                    : v.getDownwardAPI() != null ? Volume.Kind.DOWNWARD_API : Volume.Kind.OTHER;
    String source = v.getHostPath() != null ? text(v.getHostPath().getPath()) : "";
    return new Volume(name, kind, source, Map.of());
  }

  private static Optional<V1OwnerReference> owner(V1ObjectMeta meta) {
    List<V1OwnerReference> refs = list(meta.getOwnerReferences());
    return refs.stream()
        .filter(r -> Boolean.TRUE.equals(r.getController()))
        .findFirst()
        .or(() -> refs.stream().findFirst());
  }

  private static V1ObjectMeta meta(V1ObjectMeta meta) {
    return meta == null ? new V1ObjectMeta() : meta;
  }

  private static Optional<String> string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || !e.isJsonPrimitive() ? Optional.empty() : Optional.of(e.getAsString());
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Map<String, String> map(Map<String, String> map) {
    if (map == null) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v == null ? "" : v));
    return copy;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static int zero(Integer i) {
    return i == null ? 0 : i;
  }
}
