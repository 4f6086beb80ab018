package dev.meshcert.ui.cluster;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.FetchedCertificates;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.NamespaceListing;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.PolicyListing;
import dev.meshcert.kube.WatchHandle;
import dev.meshcert.kube.WatchListener;
import dev.meshcert.mesh.detect.ControlPlaneInputs;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connection that reads from a real one (the demo mesh) under another name, and whose pod and
 * policy watches the test drives by hand.
 */
final class ScriptedConnection implements ClusterConnection {

  private final String name;
  private final ClusterConnection data;
  private final Optional<String> defaultNamespace;
  final List<WatchListener<Workload>> podListeners = new ArrayList<>();
  final List<WatchListener<ParsedPeerAuthentication>> policyListeners = new ArrayList<>();
  final List<WatchHandle> podHandles = new ArrayList<>();

  ScriptedConnection(String name, ClusterConnection data, Optional<String> defaultNamespace) {
    this.name = name;
    this.data = data;
    this.defaultNamespace = defaultNamespace;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> defaultNamespace() {
    return defaultNamespace;
  }

  @Override
  public List<String> warnings() {
    return List.of();
  }

  @Override
  public boolean isDemo() {
    return false;
  }

  @Override
  public NamespaceListing namespaces(Cancellation c) throws KubeException {
    return data.namespaces(c);
  }

  @Override
  public List<Workload> pods(NamespaceScope scope, Cancellation c) throws KubeException {
    return data.pods(scope, c);
  }

  @Override
  public List<Workload> pods(NamespaceScope scope, String selector, Cancellation c)
      throws KubeException {
    return data.pods(scope, selector, c);
  }

  @Override
  public PolicyListing peerAuthentications(NamespaceScope scope, Cancellation c)
      throws KubeException {
    return data.peerAuthentications(scope, c);
  }

  @Override
  public ControlPlaneInputs controlPlaneInputs(Cancellation c) throws KubeException {
    return data.controlPlaneInputs(c);
  }

  @Override
  public FetchedCertificates certificates(Workload pod, CertSource source, Cancellation c)
      throws KubeException {
    return data.certificates(pod, source, c);
  }

  @Override
  public WatchHandle watchPods(NamespaceScope scope, WatchListener<Workload> listener) {
    podListeners.add(listener);
    WatchHandle h = handle();
    podHandles.add(h);
    return h;
  }

  @Override
  public WatchHandle watchPeerAuthentications(
      NamespaceScope scope, WatchListener<ParsedPeerAuthentication> listener) {
    policyListeners.add(listener);
    return handle();
  }

  private static WatchHandle handle() {
    return new WatchHandle() {
      private boolean running = true;

      @Override
      public void close() {
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }

  @Override
  public void close() {}
}
