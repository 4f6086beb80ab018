package dev.meshcert.kube;

import dev.meshcert.mesh.detect.ControlPlaneInputs;
import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Workload;
import java.util.List;
import java.util.Optional;

/**
 * A cluster to explore, live ({@link ClusterSession}) or the built-in demo: what the cluster screen
 * and the {@code scan} command work with. Every method may block (run it off the UI thread),
 * honours its {@link Cancellation}, and never writes to the cluster.
 */
public interface ClusterConnection extends AutoCloseable {

  /** The context name, or "demo". */
  String name();

  /** The namespace to show first (the context's), when one is set. */
  Optional<String> defaultNamespace();

  /** Warnings to show before trusting the connection (insecure TLS, legacy auth). */
  List<String> warnings();

  /** Whether this is the built-in demo mesh rather than a real cluster. */
  boolean isDemo();

  /** The namespaces the user can see, or a fallback when listing them is forbidden. */
  NamespaceListing namespaces(Cancellation cancellation) throws KubeException;

  /** Pods in {@code scope}. */
  List<Workload> pods(NamespaceScope scope, Cancellation cancellation) throws KubeException;

  /** Pods in {@code scope} matching a label selector ("app=ztunnel"). */
  List<Workload> pods(NamespaceScope scope, String labelSelector, Cancellation cancellation)
      throws KubeException;

  /** PeerAuthentications in {@code scope}, valid or not. */
  PolicyListing peerAuthentications(NamespaceScope scope, Cancellation cancellation)
      throws KubeException;

  /** Services in {@code scope} (which pods a host reaches); none where not supported. */
  default List<ServiceInfo> services(NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    return List.of();
  }

  /**
   * Istio DestinationRules in {@code scope} (client-side TLS); none when the CRD is absent or not
   * supported.
   */
  default List<DestinationRule> destinationRules(NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    return List.of();
  }

  /** What control-plane detection needs: controllers, their ConfigMaps, Secret names. */
  ControlPlaneInputs controlPlaneInputs(Cancellation cancellation) throws KubeException;

  /**
   * Reads the certificates {@code pod}'s data plane serves from {@code source} (one of the pod's
   * {@code DataPlaneReport.certSources()}).
   *
   * @throws KubeException when the source cannot be read (forbidden, not supported for this kind of
   *     source, the proxy does not answer)
   */
  FetchedCertificates certificates(
      Workload pod, dev.meshcert.mesh.workload.CertSource source, Cancellation cancellation)
      throws KubeException;

  /**
   * The port-forward, exec, ConfigMap and Secret reads that certificate retrieval ({@code
   * kube.pull}) builds on. By default nothing is supported.
   */
  default PodAccess podAccess() {
    return PodAccess.unsupported("this connection cannot reach into pods");
  }

  /**
   * Runs the probe's diagnostic tools (curl, openssl, cat) in this cluster's pods and reads both
   * their output streams and exit code; empty when the connection has no pods to enter (the demo).
   */
  default Optional<ProbeExec> probeExec() {
    return Optional.empty();
  }

  /** Watches pods in {@code scope} until the handle is closed. */
  WatchHandle watchPods(NamespaceScope scope, WatchListener<Workload> listener);

  /** Watches PeerAuthentications in {@code scope} until the handle is closed. */
  WatchHandle watchPeerAuthentications(
      NamespaceScope scope, WatchListener<ParsedPeerAuthentication> listener);

  /** Stops every watch and releases the connection. */
  @Override
  void close();
}
