package dev.meshcert.kube;

import dev.meshcert.mesh.workload.Workload;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lists the pods of a scope, page by page, with the list's resource version; and remembers the last
 * full list (no label selector) of each scope that a {@link ClusterConnection#pods} call (a scan)
 * made, so that a pod watch started afterwards resumes from it instead of listing again.
 * Thread-safe.
 */
final class PodLists {

  private final ApiCalls calls;
  private final CoreV1Api core;
  private final int pageSize;
  private final Map<NamespaceScope, Paging.Listed<Workload>> remembered = new ConcurrentHashMap<>();

  PodLists(ApiCalls calls, CoreV1Api core, int pageSize) {
    this.calls = calls;
    this.core = core;
    this.pageSize = pageSize;
  }

  /** The pods of {@code scope} matching {@code labelSelector} ("" for all) and the version. */
  Paging.Listed<Workload> list(
      NamespaceScope scope, String labelSelector, Cancellation cancellation) throws KubeException {
    String selector = labelSelector.isEmpty() ? null : labelSelector;
    Paging.Listed<V1Pod> listed =
        Paging.listWithVersion(
            calls,
            ClusterSession.operation("list", "pods", scope),
            next ->
                scope.isAll()
                    ? core.listPodForAllNamespaces()
                        .labelSelector(selector)
                        .limit(pageSize)
                        ._continue(next)
                        .buildCall(null)
                    : core.listNamespacedPod(scope.namespace().get())
                        .labelSelector(selector)
                        .limit(pageSize)
                        ._continue(next)
                        .buildCall(null),
            V1PodList.class,
            (V1PodList l) -> l.getItems(),
            V1PodList::getMetadata,
            cancellation);
    return new Paging.Listed<>(
        listed.items().stream().map(ObjectConverter::pod).toList(), listed.resourceVersion());
  }

  /** {@link #list}, remembering a full list (no label selector) for {@link #takeRemembered}. */
  List<Workload> listAndRemember(
      NamespaceScope scope, String labelSelector, Cancellation cancellation) throws KubeException {
    Paging.Listed<Workload> listed = list(scope, labelSelector, cancellation);
    if (labelSelector.isEmpty()) {
      remembered.put(scope, listed);
    }
    return listed.items();
  }

  /** The last full list of {@code scope}, once: a second call finds nothing. */
  Optional<Paging.Listed<Workload>> takeRemembered(NamespaceScope scope) {
    return Optional.ofNullable(remembered.remove(scope));
  }

  /** Forgets every remembered list. */
  void clear() {
    remembered.clear();
  }
}
