package dev.meshcert.kube.pull;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.FetchedCertificates;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.KubeObjects;
import dev.meshcert.kube.NamespaceListing;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.Operation;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.kube.PolicyListing;
import dev.meshcert.kube.WatchEvent;
import dev.meshcert.kube.WatchHandle;
import dev.meshcert.kube.WatchListener;
import dev.meshcert.mesh.detect.ControlPlaneInputs;
import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.SecretInfo;
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The cluster an {@code istioctl bug-report} archive recorded, answered from the objects it holds
 * ({@code cluster/k8s-resources}, {@code cluster/crs}, {@code cluster/secrets}), so that {@link
 * dev.meshcert.kube.MeshScanner} reads it as it reads a live cluster: the same pods, policies,
 * DestinationRules, Services and control plane, and (through {@link #podAccess}) the ConfigMaps and
 * Secrets the roots are read from. Offline: nothing reaches into pods, and a watch reports the
 * recorded state once. Immutable; thread-safe.
 */
final class ArchiveCluster implements ClusterConnection {

  private final String name;
  private final KubeObjects.Read objects;
  private final List<Workload> pods;
  private final Optional<List<SecretInfo>> secrets;
  private final List<String> warnings;

  /**
   * @param name the context the archive was taken from
   * @param objects everything its YAML files held
   * @param pods the pods: those of {@code objects} and those known only from a proxy's dump
   * @param secrets the Secrets listed, empty when the archive holds no Secret list
   * @param warnings what could not be read from the archive
   */
  ArchiveCluster(
      String name,
      KubeObjects.Read objects,
      List<Workload> pods,
      Optional<List<SecretInfo>> secrets,
      List<String> warnings) {
    this.name = name;
    this.objects = objects;
    this.pods = List.copyOf(pods);
    this.secrets = secrets.map(List::copyOf);
    this.warnings = List.copyOf(warnings);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> defaultNamespace() {
    return Optional.empty();
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public boolean isDemo() {
    return false;
  }

  @Override
  public NamespaceListing namespaces(Cancellation cancellation) throws KubeException {
    check(cancellation, Operation.clusterWide("list", "namespaces"));
    // pods known only from a proxy's dump may be in namespaces the archive did not list
    Map<String, Namespace> all = new TreeMap<>();
    objects.namespaces().forEach(n -> all.put(n.name(), n));
    pods.forEach(p -> all.putIfAbsent(p.namespace(), Namespace.named(p.namespace())));
    return new NamespaceListing(List.copyOf(all.values()), Optional.empty());
  }

  @Override
  public List<Workload> pods(NamespaceScope scope, Cancellation cancellation) throws KubeException {
    return pods(scope, "", cancellation);
  }

  @Override
  public List<Workload> pods(NamespaceScope scope, String labelSelector, Cancellation cancellation)
      throws KubeException {
    check(cancellation, new Operation("list", "pods", scope.namespace()));
    Map<String, String> wanted =
        java.util.Arrays.stream(labelSelector.split(","))
            .filter(s -> s.contains("="))
            .map(s -> s.split("=", 2))
            .collect(Collectors.toMap(kv -> kv[0].trim(), kv -> kv[1].trim(), (a, b) -> b));
    return pods.stream()
        .filter(p -> scope.covers(p.namespace()))
        .filter(
            p ->
                wanted.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(p.labels().get(e.getKey()))))
        .toList();
  }

  @Override
  public PolicyListing peerAuthentications(NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    check(cancellation, new Operation("list", "peerauthentications", scope.namespace()));
    return new PolicyListing(
        objects.policies().stream().filter(p -> scope.covers(p.ref().namespace())).toList(),
        Optional.empty(),
        List.of());
  }

  @Override
  public List<ServiceInfo> services(NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    check(cancellation, new Operation("list", "services", scope.namespace()));
    return objects.services().stream().filter(s -> scope.covers(s.namespace())).toList();
  }

  @Override
  public List<DestinationRule> destinationRules(NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    check(cancellation, new Operation("list", "destinationrules", scope.namespace()));
    return objects.destinationRules().stream()
        .filter(r -> scope.covers(r.ref().namespace()))
        .toList();
  }

  @Override
  public ControlPlaneInputs controlPlaneInputs(Cancellation cancellation) throws KubeException {
    check(cancellation, Operation.clusterWide("list", "deployments.apps"));
    return new ControlPlaneInputs(objects.controllers(), objects.configMaps(), secrets);
  }

  /** The archived ConfigMaps and Secrets (those in full, without keys); no pod is reached. */
  @Override
  public PodAccess podAccess() {
    return new ArchiveAccess(objects);
  }

  @Override
  public FetchedCertificates certificates(
      Workload pod, CertSource source, Cancellation cancellation) throws KubeException {
    throw new KubeException(
        new KubeFailure.NotSupported(
            "reading certificates from " + source.describe(),
            "an archive holds only the dumps taken when it was made"));
  }

  @Override
  public WatchHandle watchPods(NamespaceScope scope, WatchListener<Workload> listener) {
    return once(
        new WatchEvent.Synced<>(pods.stream().filter(p -> scope.covers(p.namespace())).toList()),
        listener);
  }

  @Override
  public WatchHandle watchPeerAuthentications(
      NamespaceScope scope, WatchListener<ParsedPeerAuthentication> listener) {
    return once(
        new WatchEvent.Synced<>(
            objects.policies().stream().filter(p -> scope.covers(p.ref().namespace())).toList()),
        listener);
  }

  /** The recorded state, reported at once: an archive never changes. */
  private static <T> WatchHandle once(WatchEvent<T> state, WatchListener<T> listener) {
    listener.onEvent(state);
    return new WatchHandle() {
      @Override
      public void close() {
        // nothing runs
      }

      @Override
      public boolean isRunning() {
        return false;
      }
    };
  }

  @Override
  public void close() {
    // nothing held
  }

  private static void check(Cancellation cancellation, Operation op) throws KubeException {
    if (cancellation.isCancelled()) {
      throw new KubeException(new KubeFailure.Cancelled(op));
    }
  }
}
