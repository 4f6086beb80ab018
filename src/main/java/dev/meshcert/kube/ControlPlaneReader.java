package dev.meshcert.kube;

import dev.meshcert.mesh.detect.ControlPlaneDetector;
import dev.meshcert.mesh.detect.ControlPlaneInputs;
import dev.meshcert.mesh.workload.ConfigMapData;
import dev.meshcert.mesh.workload.SecretInfo;
import dev.meshcert.mesh.workload.WorkloadResource;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1DaemonSetList;
import io.kubernetes.client.openapi.models.V1DeploymentList;
import io.kubernetes.client.openapi.models.V1StatefulSetList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers what control-plane detection reads: Deployments, StatefulSets and DaemonSets (all
 * namespaces, or the usual control-plane namespaces when that is forbidden), then the ConfigMaps
 * and Secret names of the namespaces that hold a control plane. Secrets are listed as metadata:
 * their values are neither asked for nor kept.
 */
final class ControlPlaneReader {

  /** Where control planes usually live, read one by one when cluster-wide lists are forbidden. */
  static final List<String> USUAL_NAMESPACES =
      List.of("istio-system", "linkerd", "spire", "spire-server", "spire-system");

  private final ApiCalls calls;
  private final CoreV1Api core;
  private final AppsV1Api apps;
  private final int pageSize;

  ControlPlaneReader(ApiCalls calls, int pageSize) {
    this.calls = calls;
    this.core = new CoreV1Api(calls.client());
    this.apps = new AppsV1Api(calls.client());
    this.pageSize = pageSize;
  }

  ControlPlaneInputs read(Optional<String> contextNamespace, Cancellation cancellation)
      throws KubeException {
    List<String> problems = new ArrayList<>();
    List<WorkloadResource> resources = new ArrayList<>();
    try {
      resources.addAll(controllers(Optional.empty(), cancellation));
    } catch (KubeException e) {
      if (!(e.failure() instanceof KubeFailure.Forbidden)) {
        throw e;
      }
      problems.add(e.failure().title() + ": reading the usual control-plane namespaces instead");
      Set<String> namespaces = new LinkedHashSet<>(USUAL_NAMESPACES);
      contextNamespace.ifPresent(namespaces::add);
      for (String ns : namespaces) {
        try {
          resources.addAll(controllers(Optional.of(ns), cancellation));
        } catch (KubeException inner) {
          if (inner.failure() instanceof KubeFailure.Forbidden f) {
            problems.add(f.title());
          } else if (!(inner.failure() instanceof KubeFailure.NotFound)) {
            throw inner;
          }
        }
      }
    }
    List<ConfigMapData> configMaps = new ArrayList<>();
    List<SecretInfo> secrets = new ArrayList<>();
    boolean secretsReadable = true;
    for (String ns : ControlPlaneDetector.controlPlaneNamespaces(resources)) {
      try {
        configMaps.addAll(configMaps(ns, cancellation));
      } catch (KubeException e) {
        if (!(e.failure() instanceof KubeFailure.Forbidden)) {
          throw e;
        }
        problems.add(e.failure().title());
      }
      try {
        secrets.addAll(ClusterSession.secretsMetadata(calls, ns, cancellation));
      } catch (KubeException e) {
        if (!(e.failure() instanceof KubeFailure.Forbidden)) {
          throw e;
        }
        problems.add(e.failure().title());
        secretsReadable = false;
      }
    }
    return new ControlPlaneInputs(
        resources, configMaps, secretsReadable ? Optional.of(secrets) : Optional.empty(), problems);
  }

  private List<WorkloadResource> controllers(Optional<String> ns, Cancellation cancellation)
      throws KubeException {
    List<WorkloadResource> out = new ArrayList<>();
    NamespaceScope scope = new NamespaceScope(ns);
    out.addAll(
        Paging.listAll(
                calls,
                ClusterSession.operation("list", "deployments.apps", scope),
                next ->
                    ns.isEmpty()
                        ? apps.listDeploymentForAllNamespaces()
                            .limit(pageSize)
                            ._continue(next)
                            .buildCall(null)
                        : apps.listNamespacedDeployment(ns.get())
                            .limit(pageSize)
                            ._continue(next)
                            .buildCall(null),
                V1DeploymentList.class,
                (V1DeploymentList l) -> l.getItems(),
                V1DeploymentList::getMetadata,
                cancellation)
            .stream()
            .map(ObjectConverter::deployment)
            .toList());
    out.addAll(
        Paging.listAll(
                calls,
                ClusterSession.operation("list", "statefulsets.apps", scope),
                next ->
                    ns.isEmpty()
                        ? apps.listStatefulSetForAllNamespaces()
                            .limit(pageSize)
                            ._continue(next)
                            .buildCall(null)
                        : apps.listNamespacedStatefulSet(ns.get())
                            .limit(pageSize)
                            ._continue(next)
                            .buildCall(null),
                V1StatefulSetList.class,
                (V1StatefulSetList l) -> l.getItems(),
                V1StatefulSetList::getMetadata,
                cancellation)
            .stream()
            .map(ObjectConverter::statefulSet)
            .toList());
    out.addAll(
        Paging.listAll(
                calls,
                ClusterSession.operation("list", "daemonsets.apps", scope),
                next ->
                    ns.isEmpty()
                        ? apps.listDaemonSetForAllNamespaces()
                            .limit(pageSize)
                            ._continue(next)
                            .buildCall(null)
                        : apps.listNamespacedDaemonSet(ns.get())
                            .limit(pageSize)
                            ._continue(next)
                            .buildCall(null),
                V1DaemonSetList.class,
                (V1DaemonSetList l) -> l.getItems(),
                V1DaemonSetList::getMetadata,
                cancellation)
            .stream()
            .map(ObjectConverter::daemonSet)
            .toList());
    return out;
  }

  private List<ConfigMapData> configMaps(String ns, Cancellation cancellation)
      throws KubeException {
    return Paging.listAll(
            calls,
            Operation.in("list", "configmaps", ns),
            next ->
                core.listNamespacedConfigMap(ns).limit(pageSize)._continue(next).buildCall(null),
            V1ConfigMapList.class,
            (V1ConfigMapList l) -> l.getItems(),
            V1ConfigMapList::getMetadata,
            cancellation)
        .stream()
        .map(ObjectConverter::configMap)
        .filter(ControlPlaneReader::relevant)
        .toList();
  }

  /** Only the ConfigMaps detection reads are kept. */
  private static boolean relevant(ConfigMapData c) {
    return c.name().startsWith("istio")
        || c.name().startsWith("linkerd-")
        || c.name().startsWith("spire-server");
  }
}
