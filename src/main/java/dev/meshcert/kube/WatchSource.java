package dev.meshcert.kube;

import io.kubernetes.client.openapi.ApiException;
import java.lang.reflect.Type;
import java.util.Optional;
import okhttp3.Call;

/**
 * What a {@link ResourceWatch} lists and watches, and how it turns API objects of type {@code A}
 * into records of type {@code T}.
 */
interface WatchSource<A, T> {

  /** "pods in all namespaces", for thread names and messages. */
  String describe();

  /** The watch operation, for failure messages. */
  Operation operation();

  /** Lists the current state and its resource version. */
  Paging.Listed<T> list(Cancellation cancellation) throws KubeException;

  /** The watch call from {@code resourceVersion}, closed by the server after the timeout. */
  Call watchCall(String resourceVersion, int timeoutSeconds) throws ApiException;

  /** {@code Watch.Response<A>}. */
  Type eventType();

  /** The record for an API object, empty when it cannot be converted. */
  Optional<T> convert(A object);

  /** The resource version of an API object (also of bookmarks). */
  String resourceVersion(A object);

  /** The key of a record ("namespace/name"). */
  String key(T item);
}
