package dev.meshcert.kube.demo;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.FetchedCertificates;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
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
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Workload;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The built-in demo mesh, generated once at creation relative to the clock: Istio (istiod,
 * ztunnels, a STRICT bookinfo with sidecars, a PERMISSIVE legacy namespace with a pod without
 * sidecar, an ambient namespace), Linkerd (emojivoto), a cert-manager CSI workload, and
 * PeerAuthentications at mesh, namespace, workload and port level. Certificates are real and
 * relative to now: one about to expire, one expired, one SPIFFE ID naming the wrong service
 * account. Services and DestinationRules include two TLS contradictions. Thread-safe and read-only;
 * watches report the (static) state once.
 */
public final class DemoCluster implements ClusterConnection {

  private final List<Namespace> namespaces;
  private final List<Workload> pods;
  private final List<ParsedPeerAuthentication> policies;
  private final ControlPlaneInputs controlPlane;
  private final DemoCertificates certificates;
  private final DemoPodAccess access;
  private final DemoEndpoints endpoints;

  private DemoCluster(Instant now) {
    this.namespaces = DemoPods.namespaces();
    this.pods = DemoPods.pods(now);
    this.certificates = new DemoCertificates(now, pods);
    this.policies = DemoControlPlane.policies(now);
    this.controlPlane = DemoControlPlane.inputs(certificates);
    this.access = new DemoPodAccess(namespaces, pods, certificates, now);
    this.endpoints = new DemoEndpoints(pods, certificates, policies);
  }

  /**
   * How the demo workloads' ports behave and with which certificates, for the probe's loopback
   * servers ({@code probe.DemoMeshServers}).
   */
  public DemoEndpoints endpoints() {
    return endpoints;
  }

  /** Generates the demo mesh with certificates relative to {@code clock}'s now. */
  public static DemoCluster create(Clock clock) {
    return new DemoCluster(clock.instant());
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public Optional<String> defaultNamespace() {
    return Optional.of("bookinfo");
  }

  @Override
  public List<String> warnings() {
    return List.of();
  }

  @Override
  public boolean isDemo() {
    return true;
  }

  @Override
  public NamespaceListing namespaces(Cancellation cancellation) throws KubeException {
    check(cancellation, Operation.clusterWide("list", "namespaces"));
    return new NamespaceListing(namespaces, Optional.empty());
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
        Arrays.stream(labelSelector.split(","))
            .filter(s -> s.contains("="))
            .map(s -> s.split("=", 2))
            .collect(Collectors.toMap(kv -> kv[0].trim(), kv -> kv[1].trim()));
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
    check(
        cancellation,
        new Operation("list", "peerauthentications.security.istio.io", scope.namespace()));
    return new PolicyListing(
        policies.stream().filter(p -> scope.covers(p.ref().namespace())).toList(),
        Optional.of("security.istio.io/v1"),
        List.of());
  }

  @Override
  public List<ServiceInfo> services(NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    check(cancellation, new Operation("list", "services", scope.namespace()));
    return DemoTraffic.services().stream().filter(s -> scope.covers(s.namespace())).toList();
  }

  @Override
  public List<DestinationRule> destinationRules(NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    check(
        cancellation,
        new Operation("list", "destinationrules.networking.istio.io", scope.namespace()));
    return DemoTraffic.destinationRules().stream()
        .filter(r -> scope.covers(r.ref().namespace()))
        .toList();
  }

  @Override
  public ControlPlaneInputs controlPlaneInputs(Cancellation cancellation) throws KubeException {
    check(cancellation, Operation.clusterWide("list", "deployments.apps"));
    return controlPlane;
  }

  @Override
  public FetchedCertificates certificates(
      Workload pod, CertSource source, Cancellation cancellation) throws KubeException {
    check(cancellation, new Operation("create", "pods/exec", Optional.of(pod.namespace())));
    Optional<String> chain = certificates.chain(pod.ref());
    if (chain.isEmpty() || source instanceof CertSource.WorkloadApiSocket) {
      throw new KubeException(
          new KubeFailure.NotSupported(
              "reading certificates from " + source.describe(),
              "the demo pod " + pod.ref() + " serves no certificates there"));
    }
    return new FetchedCertificates(
        pod.ref() + " (demo) " + source.describe(), chain.get().getBytes(StandardCharsets.UTF_8));
  }

  /** The demo's pods reached as a live cluster's are: port-forward, exec, ConfigMaps, Secrets. */
  @Override
  public PodAccess podAccess() {
    return access;
  }

  @Override
  public WatchHandle watchPods(NamespaceScope scope, WatchListener<Workload> listener) {
    return DemoWatch.start(
        new WatchEvent.Synced<>(pods.stream().filter(p -> scope.covers(p.namespace())).toList()),
        listener);
  }

  @Override
  public WatchHandle watchPeerAuthentications(
      NamespaceScope scope, WatchListener<ParsedPeerAuthentication> listener) {
    return DemoWatch.start(
        new WatchEvent.Synced<>(
            policies.stream().filter(p -> scope.covers(p.ref().namespace())).toList()),
        listener);
  }

  @Override
  public void close() {
    // nothing held: watches stop themselves once they have reported
  }

  private static void check(Cancellation cancellation, Operation op) throws KubeException {
    if (cancellation.isCancelled()) {
      throw new KubeException(new KubeFailure.Cancelled(op));
    }
  }
}
