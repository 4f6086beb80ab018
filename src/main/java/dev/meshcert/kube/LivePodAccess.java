package dev.meshcert.kube;

import dev.meshcert.mesh.workload.ConfigMapData;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/** {@link PodAccess} of a live session: the official client, the session's timeouts. */
final class LivePodAccess implements PodAccess {

  private final ApiCalls calls;
  private final CoreV1Api core;
  private final Duration timeout;
  private final int pageSize;
  private final Supplier<Failures.Caller> caller;

  LivePodAccess(ApiCalls calls, Duration timeout, int pageSize, Supplier<Failures.Caller> caller) {
    this.calls = calls;
    this.core = new CoreV1Api(calls.client());
    this.timeout = timeout;
    this.pageSize = pageSize;
    this.caller = caller;
  }

  @Override
  public PortForwardStream portForward(
      String namespace, String pod, int port, Cancellation cancellation) throws KubeException {
    return LivePortForward.open(calls, namespace, pod, port, timeout, cancellation, caller.get());
  }

  @Override
  public byte[] exec(
      String namespace, String pod, String container, ReadCommand command, Cancellation c)
      throws KubeException {
    return PodExec.run(
        calls,
        namespace,
        pod,
        container,
        command.argv().toArray(String[]::new),
        timeout,
        c,
        caller.get());
  }

  @Override
  public Optional<ConfigMapData> configMap(String namespace, String name, Cancellation c)
      throws KubeException {
    try {
      V1ConfigMap map =
          calls.execute(
              Operation.in("get", "configmaps", namespace),
              () -> core.readNamespacedConfigMap(name, namespace).buildCall(null),
              V1ConfigMap.class,
              c);
      return Optional.of(ObjectConverter.configMap(map));
    } catch (KubeException e) {
      if (e.failure() instanceof KubeFailure.NotFound) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<SecretCertificates> secret(String namespace, String name, Cancellation c)
      throws KubeException {
    try {
      V1Secret secret =
          calls.execute(
              Operation.in("get", "secrets", namespace),
              () -> core.readNamespacedSecret(name, namespace).buildCall(null),
              V1Secret.class,
              c);
      return Optional.of(withoutKeys(secret, namespace));
    } catch (KubeException e) {
      if (e.failure() instanceof KubeFailure.NotFound) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<SecretCertificates> secrets(NamespaceScope scope, String type, Cancellation c)
      throws KubeException {
    String selector = "type=" + type;
    List<V1Secret> items =
        Paging.listAll(
            calls,
            ClusterSession.operation("list", "secrets", scope),
            next ->
                scope.isAll()
                    ? core.listSecretForAllNamespaces()
                        .fieldSelector(selector)
                        .limit(pageSize)
                        ._continue(next)
                        .buildCall(null)
                    : core.listNamespacedSecret(scope.namespace().get())
                        .fieldSelector(selector)
                        .limit(pageSize)
                        ._continue(next)
                        .buildCall(null),
            V1SecretList.class,
            (V1SecretList l) -> l.getItems(),
            V1SecretList::getMetadata,
            c);
    List<SecretCertificates> out = new ArrayList<>();
    for (V1Secret s : items) {
      String ns = s.getMetadata() == null ? "" : s.getMetadata().getNamespace();
      out.add(withoutKeys(s, ns == null ? "" : ns));
    }
    return out;
  }

  /** Keeps the certificate entries; the values of key entries are dropped here, at once. */
  static SecretCertificates withoutKeys(V1Secret secret, String namespace) {
    Map<String, byte[]> certs = new TreeMap<>();
    Set<String> withheld = new TreeSet<>();
    Map<String, byte[]> data = secret.getData() == null ? Map.of() : secret.getData();
    data.forEach(
        (k, v) -> {
          if (SecretCertificates.isKeyEntry(k)) {
            withheld.add(k);
            java.util.Arrays.fill(v, (byte) 0);
          } else {
            certs.put(k, v);
          }
        });
    String name = secret.getMetadata() == null ? "" : secret.getMetadata().getName();
    return new SecretCertificates(
        namespace,
        name == null ? "" : name,
        secret.getType() == null ? "Opaque" : secret.getType(),
        certs,
        withheld);
  }
}
