package dev.meshcert.kube;

import dev.meshcert.mesh.workload.ConfigMapData;
import java.util.List;
import java.util.Optional;

/**
 * The read-only ways into a cluster's pods and configuration that certificate retrieval needs:
 * port-forward, exec of a {@link ReadCommand}, and reading ConfigMaps and (as a deliberate user
 * action) the certificate entries of Secrets. Every method may block, has a timeout, honours its
 * {@link Cancellation} and throws {@link KubeException} with a typed failure (a refused
 * port-forward is {@link KubeFailure.Forbidden} naming {@code pods/portforward}). Thread-safe.
 */
public interface PodAccess {

  /**
   * Opens a connection to {@code port} of pod {@code namespace/pod}. Cancelling {@code
   * cancellation} closes it.
   */
  PortForwardStream portForward(String namespace, String pod, int port, Cancellation cancellation)
      throws KubeException;

  /** Runs {@code command} in {@code container} and returns its standard output. */
  byte[] exec(
      String namespace,
      String pod,
      String container,
      ReadCommand command,
      Cancellation cancellation)
      throws KubeException;

  /** ConfigMap {@code namespace/name}, empty when it does not exist. */
  Optional<ConfigMapData> configMap(String namespace, String name, Cancellation cancellation)
      throws KubeException;

  /** Secret {@code namespace/name} without its private keys, empty when it does not exist. */
  Optional<SecretCertificates> secret(String namespace, String name, Cancellation cancellation)
      throws KubeException;

  /** Secrets of {@code type} ("kubernetes.io/tls") in {@code scope}, without private keys. */
  List<SecretCertificates> secrets(NamespaceScope scope, String type, Cancellation cancellation)
      throws KubeException;

  /** Access that supports nothing: every call fails with {@link KubeFailure.NotSupported}. */
  static PodAccess unsupported(String why) {
    return new PodAccess() {
      private KubeException no(String what) {
        return new KubeException(new KubeFailure.NotSupported(what, why));
      }

      @Override
      public PortForwardStream portForward(String ns, String pod, int port, Cancellation c)
          throws KubeException {
        throw no("port-forward");
      }

      @Override
      public byte[] exec(String ns, String pod, String container, ReadCommand cmd, Cancellation c)
          throws KubeException {
        throw no("exec");
      }

      @Override
      public Optional<ConfigMapData> configMap(String ns, String name, Cancellation c)
          throws KubeException {
        throw no("reading ConfigMaps");
      }

      @Override
      public Optional<SecretCertificates> secret(String ns, String name, Cancellation c)
          throws KubeException {
        throw no("reading Secrets");
      }

      @Override
      public List<SecretCertificates> secrets(NamespaceScope scope, String type, Cancellation c)
          throws KubeException {
        throw no("reading Secrets");
      }
    };
  }
}
