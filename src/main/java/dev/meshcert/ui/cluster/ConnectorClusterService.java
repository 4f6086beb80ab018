package dev.meshcert.ui.cluster;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.ClusterConnector;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.mesh.detect.MeshSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * The production {@link ClusterService}: kubeconfig contexts and the demo through one connector.
 */
public final class ConnectorClusterService implements ClusterService {

  private final ClusterConnector connector;
  private final MeshScanner scanner;

  public ConnectorClusterService(ClusterConnector connector, MeshScanner scanner) {
    this.connector = connector;
    this.scanner = scanner;
  }

  @Override
  public List<String> contexts() {
    return connector.contexts();
  }

  @Override
  public Optional<String> currentContext() {
    return connector.currentContext();
  }

  @Override
  public List<String> kubeconfigProblems() {
    return connector.kubeconfig().problems();
  }

  @Override
  public ClusterConnection connect(ContextChoice choice) throws KubeException {
    return choice.demo() ? connector.demo() : connector.open(choice.name());
  }

  @Override
  public MeshSnapshot scan(
      ClusterConnection connection, NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    return scanner.scan(connection, scope, cancellation);
  }

  @Override
  public void disconnect(ContextChoice choice) {
    if (!choice.demo()) {
      connector.close(choice.name());
    }
  }
}
