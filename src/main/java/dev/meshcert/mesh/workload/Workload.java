package dev.meshcert.mesh.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A running pod as the mesh sees it: the unit that sidecars are injected into, certificates are
 * issued to and PeerAuthentication applies to.
 *
 * @param namespace the pod's namespace
 * @param name the pod's name
 * @param serviceAccount the service account, "default" when the pod names none
 * @param node the node it is scheduled on, empty while pending
 * @param labels pod labels
 * @param annotations pod annotations
 * @param containers regular containers, in pod order
 * @param initContainers init containers, in pod order (native sidecars among them)
 * @param volumes pod volumes
 * @param podIp the pod IP, empty before it has one
 * @param phase Pending, Running, Succeeded, Failed or Unknown
 * @param owner the controller owning the pod (usually a ReplicaSet)
 * @param created the creation timestamp, when known
 */
public record Workload(
    String namespace,
    String name,
    String serviceAccount,
    Optional<String> node,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<Container> containers,
    List<Container> initContainers,
    List<Volume> volumes,
    Optional<String> podIp,
    String phase,
    Optional<OwnerRef> owner,
    Optional<Instant> created) {

  /** Copies the collections. */
  public Workload {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    containers = List.copyOf(containers);
    initContainers = List.copyOf(initContainers);
    volumes = List.copyOf(volumes);
  }

  /** Starts a builder for a pod in {@code namespace} named {@code name}. */
  public static Builder builder(String namespace, String name) {
    return new Builder(namespace, name);
  }

  /** "namespace/name". */
  public String ref() {
    return namespace + "/" + name;
  }

  /** Init containers with {@code restartPolicy: Always}: sidecars that run beside the app. */
  public List<Container> nativeSidecars() {
    return initContainers.stream().filter(Container::restartsAlways).toList();
  }

  /** Regular containers and native sidecars: everything that keeps running. */
  public List<Container> runningContainers() {
    return Stream.concat(containers.stream(), nativeSidecars().stream()).toList();
  }

  /** A running container (regular or native sidecar) by name. */
  public Optional<Container> runningContainer(String containerName) {
    return runningContainers().stream().filter(c -> c.name().equals(containerName)).findFirst();
  }

  /** An init container by name, whether or not it keeps running. */
  public Optional<Container> initContainer(String containerName) {
    return initContainers.stream().filter(c -> c.name().equals(containerName)).findFirst();
  }

  /** Ports declared by the running containers, in container order, without duplicates. */
  public List<Integer> declaredPorts() {
    return runningContainers().stream()
        .flatMap(c -> c.ports().stream())
        .map(ContainerPort::number)
        .distinct()
        .toList();
  }

  /**
   * The workload name people use: the Deployment behind a ReplicaSet owner ("reviews-v1"), else the
   * owner, else the {@code app} label, else the pod name.
   */
  public String workloadName() {
    if (owner.isPresent()) {
      OwnerRef o = owner.get();
      String hash = labels.getOrDefault("pod-template-hash", "");
      if (o.kind().equals("ReplicaSet") && !hash.isEmpty() && o.name().endsWith("-" + hash)) {
        return o.name().substring(0, o.name().length() - hash.length() - 1);
      }
      return o.name();
    }
    return labels.getOrDefault("app", name);
  }

  /** Assembles a {@link Workload}; every field but namespace and name has a default. */
  public static final class Builder {
    private final String namespace;
    private final String name;
    private String serviceAccount = "default";
    private Optional<String> node = Optional.empty();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> annotations = new LinkedHashMap<>();
    private final List<Container> containers = new ArrayList<>();
    private final List<Container> initContainers = new ArrayList<>();
    private final List<Volume> volumes = new ArrayList<>();
    private Optional<String> podIp = Optional.empty();
    private String phase = "Running";
    private Optional<OwnerRef> owner = Optional.empty();
    private Optional<Instant> created = Optional.empty();

    private Builder(String namespace, String name) {
      this.namespace = namespace;
      this.name = name;
    }

    public Builder serviceAccount(String value) {
      serviceAccount = value;
      return this;
    }

    public Builder node(String value) {
      node = Optional.of(value);
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder labels(Map<String, String> values) {
      labels.putAll(values);
      return this;
    }

    public Builder annotation(String key, String value) {
      annotations.put(key, value);
      return this;
    }

    public Builder annotations(Map<String, String> values) {
      annotations.putAll(values);
      return this;
    }

    public Builder container(Container value) {
      containers.add(value);
      return this;
    }

    public Builder initContainer(Container value) {
      initContainers.add(value);
      return this;
    }

    public Builder volume(Volume value) {
      volumes.add(value);
      return this;
    }

    public Builder podIp(String value) {
      podIp = Optional.of(value);
      return this;
    }

    public Builder phase(String value) {
      phase = value;
      return this;
    }

    public Builder owner(String kind, String ownerName) {
      owner = Optional.of(new OwnerRef(kind, ownerName));
      return this;
    }

    public Builder created(Instant value) {
      created = Optional.of(value);
      return this;
    }

    public Workload build() {
      return new Workload(
          namespace,
          name,
          serviceAccount,
          node,
          labels,
          annotations,
          containers,
          initContainers,
          volumes,
          podIp,
          phase,
          owner,
          created);
    }
  }
}
