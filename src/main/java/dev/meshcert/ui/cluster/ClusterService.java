package dev.meshcert.ui.cluster;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.mesh.detect.MeshSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * What the Cluster screen needs from the cluster layer; blocking methods run on the task runner.
 */
public interface ClusterService {

  /** Kubeconfig context names, in order. */
  List<String> contexts();

  /** The kubeconfig's current context. */
  Optional<String> currentContext();

  /** Problems reading the kubeconfig, for the status line. */
  List<String> kubeconfigProblems();

  /** The connection of {@code choice}, opened on first use (may run credential plugins). */
  ClusterConnection connect(ContextChoice choice) throws KubeException;

  /** Reads and analyses {@code scope} of {@code connection}. */
  MeshSnapshot scan(ClusterConnection connection, NamespaceScope scope, Cancellation cancellation)
      throws KubeException;

  /** Releases the connection of {@code choice} (its session and watches), if one is open. */
  default void disconnect(ContextChoice choice) {}
}
