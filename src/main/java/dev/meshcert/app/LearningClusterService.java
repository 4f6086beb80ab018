package dev.meshcert.app;

import dev.meshcert.core.redact.KnownValues;
import dev.meshcert.core.redact.Sensitive;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.ui.cluster.ClusterService;
import dev.meshcert.ui.cluster.ContextChoice;
import java.util.List;
import java.util.Optional;

/**
 * The Cluster screen's service, teaching the redaction book every namespace and pod name a scan
 * returns, so that with names hidden they are masked wherever they appear (they have no shape a
 * pattern could find). Thread-safe like the service it wraps; {@code onLearned} runs after each
 * scan so the screen guard can mask text already shown.
 */
final class LearningClusterService implements ClusterService {

  private final ClusterService delegate;
  private final KnownValues known;
  private final Runnable onLearned;

  LearningClusterService(ClusterService delegate, KnownValues known, Runnable onLearned) {
    this.delegate = delegate;
    this.known = known;
    this.onLearned = onLearned;
  }

  @Override
  public List<String> contexts() {
    return delegate.contexts();
  }

  @Override
  public Optional<String> currentContext() {
    return delegate.currentContext();
  }

  @Override
  public List<String> kubeconfigProblems() {
    return delegate.kubeconfigProblems();
  }

  @Override
  public ClusterConnection connect(ContextChoice choice) throws KubeException {
    return delegate.connect(choice);
  }

  @Override
  public MeshSnapshot scan(
      ClusterConnection connection, NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    MeshSnapshot snapshot = delegate.scan(connection, scope, cancellation);
    learn(snapshot, known);
    onLearned.run();
    return snapshot;
  }

  @Override
  public void disconnect(ContextChoice choice) {
    delegate.disconnect(choice);
  }

  /** Learns the namespaces and pod names of a snapshot. */
  static void learn(MeshSnapshot snapshot, KnownValues known) {
    snapshot.namespace().ifPresent(ns -> known.learn(Sensitive.NAMESPACE, ns));
    for (Namespace ns : snapshot.namespaces()) {
      known.learn(Sensitive.NAMESPACE, ns.name());
    }
    for (List<Workload> pods : List.of(snapshot.pods(), snapshot.infrastructure())) {
      for (Workload pod : pods) {
        known.learn(Sensitive.NAMESPACE, pod.namespace());
        known.learn(Sensitive.POD, pod.name());
      }
    }
  }
}
