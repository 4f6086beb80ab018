package dev.meshcert.kube;

import com.google.gson.reflect.TypeToken;
import dev.meshcert.mesh.workload.Workload;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.util.Watch;
import java.lang.reflect.Type;
import java.util.Optional;
import okhttp3.Call;

/** Watches pods of one scope. */
final class PodWatchSource implements WatchSource<V1Pod, Workload> {

  private final ApiCalls calls;
  private final CoreV1Api core;
  private final NamespaceScope scope;
  private final int pageSize;

  private PodWatchSource(ApiCalls calls, CoreV1Api core, NamespaceScope scope, int pageSize) {
    this.calls = calls;
    this.core = core;
    this.scope = scope;
    this.pageSize = pageSize;
  }

  static PodWatchSource create(ApiCalls calls, CoreV1Api core, NamespaceScope scope, int pageSize) {
    return new PodWatchSource(calls, core, scope, pageSize);
  }

  @Override
  public String describe() {
    return "pods in " + scope;
  }

  @Override
  public Operation operation() {
    return ClusterSession.operation("watch", "pods", scope);
  }

  @Override
  public Paging.Listed<Workload> list(Cancellation cancellation) throws KubeException {
    Paging.Listed<V1Pod> listed =
        Paging.listWithVersion(
            calls,
            ClusterSession.operation("list", "pods", scope),
            next ->
                scope.isAll()
                    ? core.listPodForAllNamespaces().limit(pageSize)._continue(next).buildCall(null)
                    : core.listNamespacedPod(scope.namespace().get())
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

  @Override
  public Call watchCall(String resourceVersion, int timeoutSeconds) throws ApiException {
    return scope.isAll()
        ? core.listPodForAllNamespaces()
            .watch(true)
            .allowWatchBookmarks(true)
            .resourceVersion(resourceVersion)
            .timeoutSeconds(timeoutSeconds)
            .buildCall(null)
        : core.listNamespacedPod(scope.namespace().get())
            .watch(true)
            .allowWatchBookmarks(true)
            .resourceVersion(resourceVersion)
            .timeoutSeconds(timeoutSeconds)
            .buildCall(null);
  }

  @Override
  public Type eventType() {
    return new TypeToken<Watch.Response<V1Pod>>() {}.getType();
  }

  @Override
  public Optional<Workload> convert(V1Pod object) {
    return Optional.of(ObjectConverter.pod(object));
  }

  @Override
  public String resourceVersion(V1Pod object) {
    return object.getMetadata() == null || object.getMetadata().getResourceVersion() == null
        ? ""
        : object.getMetadata().getResourceVersion();
  }

  @Override
  public String key(Workload item) {
    return item.ref();
  }
}
