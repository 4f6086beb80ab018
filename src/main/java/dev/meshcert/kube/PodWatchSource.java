package dev.meshcert.kube;

import com.google.gson.reflect.TypeToken;
import dev.meshcert.mesh.workload.Workload;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.Watch;
import java.lang.reflect.Type;
import java.util.Optional;
import okhttp3.Call;

/** Watches pods of one scope. */
final class PodWatchSource implements WatchSource<V1Pod, Workload> {

  private final PodLists lists;
  private final CoreV1Api core;
  private final NamespaceScope scope;

  PodWatchSource(PodLists lists, CoreV1Api core, NamespaceScope scope) {
    this.lists = lists;
    this.core = core;
    this.scope = scope;
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
    return lists.list(scope, "", cancellation);
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
