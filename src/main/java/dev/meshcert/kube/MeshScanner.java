package dev.meshcert.kube;

import dev.meshcert.mesh.detect.ControlPlaneDetector;
import dev.meshcert.mesh.detect.ControlPlaneReport;
import dev.meshcert.mesh.detect.DetectionContext;
import dev.meshcert.mesh.detect.MeshAnalyzer;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Workload;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a cluster (live or demo) and analyses it into a {@link MeshSnapshot}: namespaces, pods of
 * the scope, ztunnels, control planes, PeerAuthentications and DestinationRules (of the scope and
 * of the root namespace), Services of the scope. What is forbidden becomes a problem in the
 * snapshot, not a failure: only a cluster that cannot be reached at all, or a scope whose pods
 * cannot be listed, fails the scan. Blocking: call off the UI thread.
 */
public final class MeshScanner {

  private final ControlPlaneDetector controlPlanes = new ControlPlaneDetector();
  private final Clock clock;

  /**
   * @param clock the clock snapshots are stamped with
   */
  public MeshScanner(Clock clock) {
    this.clock = clock;
  }

  /**
   * Scans {@code scope} of {@code cluster}.
   *
   * @throws KubeException when the pods of the scope cannot be listed (or the scan is cancelled)
   */
  public MeshSnapshot scan(ClusterConnection cluster, NamespaceScope scope, Cancellation cancel)
      throws KubeException {
    List<String> problems = new ArrayList<>(cluster.warnings());
    NamespaceListing namespaces = cluster.namespaces(cancel);
    namespaces.limitedBy().ifPresent(f -> problems.add(f.title()));
    List<Workload> pods = cluster.pods(scope, cancel);

    ControlPlaneReport controlPlane =
        new ControlPlaneReport(List.of(), List.of(), List.of(), List.of());
    try {
      controlPlane = controlPlanes.detect(cluster.controlPlaneInputs(cancel));
      problems.addAll(controlPlane.problems());
    } catch (KubeException e) {
      rethrowIfCancelled(e);
      problems.add("Control plane: " + e.failure().title());
    }
    String root = MeshAnalyzer.rootNamespace(controlPlane);

    List<Workload> infrastructure = new ArrayList<>();
    if (!scope.isAll()) {
      try {
        infrastructure.addAll(
            cluster.pods(NamespaceScope.all(), "app=" + DetectionContext.ZTUNNEL_APP, cancel));
      } catch (KubeException e) {
        rethrowIfCancelled(e);
        problems.add("ztunnel pods: " + e.failure().title());
      }
    }

    List<ParsedPeerAuthentication> policies = new ArrayList<>();
    List<NamespaceScope> policyScopes =
        scope.isAll() || scope.covers(root)
            ? List.of(scope)
            : List.of(scope, NamespaceScope.of(root));
    for (NamespaceScope s : policyScopes) {
      try {
        PolicyListing listing = cluster.peerAuthentications(s, cancel);
        policies.addAll(listing.policies());
        if (s == scope) {
          problems.addAll(listing.notes());
        }
      } catch (KubeException e) {
        rethrowIfCancelled(e);
        problems.add("PeerAuthentications in " + s + ": " + e.failure().title());
      }
    }
    List<ServiceInfo> services = List.of();
    try {
      services = cluster.services(scope, cancel);
    } catch (KubeException e) {
      rethrowIfCancelled(e);
      problems.add("Services in " + scope + ": " + e.failure().title());
    }
    List<DestinationRule> rules = new ArrayList<>();
    for (NamespaceScope s : policyScopes) {
      try {
        rules.addAll(cluster.destinationRules(s, cancel));
      } catch (KubeException e) {
        rethrowIfCancelled(e);
        problems.add("DestinationRules in " + s + ": " + e.failure().title());
      }
    }
    policies.stream()
        .filter(p -> !p.isValid())
        .forEach(
            p ->
                problems.add(
                    "PeerAuthentication "
                        + p.ref()
                        + " is invalid and ignored: "
                        + p.errors().get(0)));

    List<Namespace> known = new ArrayList<>(namespaces.namespaces());
    scope
        .namespace()
        .filter(n -> known.stream().noneMatch(k -> k.name().equals(n)))
        .ifPresent(n -> known.add(Namespace.named(n)));
    return MeshAnalyzer.analyze(
        new MeshAnalyzer.Inputs(
            cluster.name(),
            cluster.isDemo(),
            clock.instant(),
            scope.namespace(),
            known,
            pods,
            infrastructure,
            controlPlane,
            policies,
            problems,
            services,
            rules));
  }

  private static void rethrowIfCancelled(KubeException e) throws KubeException {
    if (e.failure() instanceof KubeFailure.Cancelled) {
      throw e;
    }
  }

  /** The scan of every namespace the user can see. */
  public MeshSnapshot scanAll(ClusterConnection cluster, Cancellation cancel) throws KubeException {
    return scan(cluster, NamespaceScope.all(), cancel);
  }

  /** Convenience for callers that hold an optional namespace. */
  public MeshSnapshot scan(ClusterConnection cluster, Optional<String> namespace, Cancellation c)
      throws KubeException {
    return scan(cluster, new NamespaceScope(namespace), c);
  }
}
