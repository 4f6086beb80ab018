package dev.meshcert.kube.pull;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.KubeObjects;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.Operation;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.kube.PortForwardStream;
import dev.meshcert.kube.ReadCommand;
import dev.meshcert.kube.SecretCertificates;
import dev.meshcert.mesh.workload.ConfigMapData;
import java.util.List;
import java.util.Optional;

/**
 * The ConfigMaps and Secrets an {@code istioctl bug-report} archive recorded, answered as a cluster
 * would, so that {@link RootsReader} reads an archive's roots as it reads a live cluster's. A
 * Secret is there only when the archive holds it in full ({@code --full-secrets}), and then without
 * its private keys ({@link KubeObjects}). Nothing reaches into pods: port-forward and exec are not
 * supported. Immutable; thread-safe.
 */
final class ArchiveAccess implements PodAccess {

  private static final PodAccess NO_PODS =
      PodAccess.unsupported("an archive holds only the dumps taken when it was made");

  private final KubeObjects.Read objects;

  ArchiveAccess(KubeObjects.Read objects) {
    this.objects = objects;
  }

  @Override
  public PortForwardStream portForward(String namespace, String pod, int port, Cancellation c)
      throws KubeException {
    return NO_PODS.portForward(namespace, pod, port, c);
  }

  @Override
  public byte[] exec(
      String namespace, String pod, String container, ReadCommand command, Cancellation c)
      throws KubeException {
    return NO_PODS.exec(namespace, pod, container, command, c);
  }

  @Override
  public Optional<ConfigMapData> configMap(String namespace, String name, Cancellation c)
      throws KubeException {
    check(c, Operation.in("get", "configmaps", namespace));
    return objects.configMaps().stream()
        .filter(m -> m.namespace().equals(namespace) && m.name().equals(name))
        .findFirst();
  }

  @Override
  public Optional<SecretCertificates> secret(String namespace, String name, Cancellation c)
      throws KubeException {
    check(c, Operation.in("get", "secrets", namespace));
    return objects.secretCertificates().stream()
        .filter(s -> s.namespace().equals(namespace) && s.name().equals(name))
        .findFirst();
  }

  @Override
  public List<SecretCertificates> secrets(NamespaceScope scope, String type, Cancellation c)
      throws KubeException {
    check(c, new Operation("list", "secrets", scope.namespace()));
    return objects.secretCertificates().stream()
        .filter(s -> s.type().equals(type) && scope.covers(s.namespace()))
        .toList();
  }

  private static void check(Cancellation c, Operation op) throws KubeException {
    if (c.isCancelled()) {
      throw new KubeException(new KubeFailure.Cancelled(op));
    }
  }
}
