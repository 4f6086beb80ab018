package dev.meshcert.ui.cluster;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.FetchedCertificates;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.Operation;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.common.SyncTaskRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Cluster view model's test set-up: a scripted cluster service (contexts, current context,
 * failures to throw) over the real demo mesh, the FX queue and what reached the dialogs and the
 * Inspect screen. One per test.
 */
final class ClusterFixture {

  static final DemoCluster DEMO = DemoCluster.create(TestPki.CLOCK);

  final RecordingDialogs dialogs = new RecordingDialogs();
  final List<Runnable> fxQueue = new ArrayList<>();
  final List<FetchedCertificates> inspected = new ArrayList<>();
  final Map<String, ClusterConnection> connections = new HashMap<>();
  final List<NamespaceScope> scans = new ArrayList<>();
  List<String> contextNames = List.of();
  Optional<String> current = Optional.empty();
  KubeException connectFailure;
  boolean forbidAllNamespaces;

  private final ClusterService service =
      new ClusterService() {
        @Override
        public List<String> contexts() {
          return contextNames;
        }

        @Override
        public Optional<String> currentContext() {
          return current;
        }

        @Override
        public List<String> kubeconfigProblems() {
          return List.of();
        }

        @Override
        public ClusterConnection connect(ContextChoice choice) throws KubeException {
          if (choice.demo()) {
            return DEMO;
          }
          if (connectFailure != null) {
            throw connectFailure;
          }
          return connections.get(choice.name());
        }

        @Override
        public MeshSnapshot scan(ClusterConnection c, NamespaceScope scope, Cancellation cancel)
            throws KubeException {
          scans.add(scope);
          if (forbidAllNamespaces && scope.isAll()) {
            throw new KubeException(
                new KubeFailure.Forbidden("me", Operation.clusterWide("list", "pods"), "no"));
          }
          return new MeshScanner(TestPki.CLOCK).scan(c, scope, cancel);
        }
      };

  ClusterViewModel model(SyncTaskRunner runner) {
    ClusterViewModel m =
        new ClusterViewModel(
            service,
            runner,
            dialogs,
            fxQueue::add,
            inspected::add,
            ClusterScreen.messages(Locale.ROOT),
            TestPki.CLOCK);
    m.watchDelay(java.time.Duration.ZERO); // watches start as the rows are shown, synchronously
    m.paintOn(Runnable::run); // a change reaches fxQueue before the watch event returns
    return m;
  }

  /** A kubeconfig with the one context "prod", its current context, scripted. */
  ScriptedConnection prodOnly() {
    contextNames = List.of("prod");
    current = Optional.of("prod");
    return scripted("prod", Optional.empty());
  }

  ScriptedConnection scripted(String name, Optional<String> ns) {
    ScriptedConnection c = new ScriptedConnection(name, DEMO, ns);
    connections.put(name, c);
    return c;
  }

  static WorkloadRow row(ClusterViewModel m, String ref) {
    return m.rows().stream().filter(r -> r.ref().equals(ref)).findFirst().orElseThrow();
  }
}
