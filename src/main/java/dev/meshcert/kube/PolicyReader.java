package dev.meshcert.kube;

import com.google.gson.reflect.TypeToken;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationParser;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.Watch;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;

/**
 * Reads PeerAuthentications through the custom objects API: {@code security.istio.io/v1}, or {@code
 * v1beta1} on clusters whose Istio predates v1, or nothing when the CRD is absent. Remembers the
 * last list of each scope that {@link #list} (a scan) made, so that a watch started afterwards
 * resumes from it instead of listing again (as {@link PodLists} does for pods).
 */
final class PolicyReader {

  static final String GROUP = "security.istio.io";
  static final String PLURAL = "peerauthentications";
  static final List<String> VERSIONS = List.of("v1", "v1beta1");
  static final String RESOURCE = PLURAL + "." + GROUP;

  private final ApiCalls calls;
  private final CustomObjectsApi custom;
  private final int pageSize;
  private volatile String served = "v1";
  private final Map<NamespaceScope, Paging.Listed<ParsedPeerAuthentication>> remembered =
      new ConcurrentHashMap<>();

  PolicyReader(ApiCalls calls, int pageSize) {
    this.calls = calls;
    this.custom = new CustomObjectsApi(calls.client());
    this.pageSize = pageSize;
  }

  /** The policies of {@code scope}, remembered (with the list's version) for a watch. */
  PolicyListing list(NamespaceScope scope, Cancellation cancellation) throws KubeException {
    Optional<Paging.Listed<ParsedPeerAuthentication>> listed = listAnyVersion(scope, cancellation);
    listed.ifPresent(l -> remembered.put(scope, l));
    return listed
        .map(
            l -> new PolicyListing(l.items(), Optional.of(GROUP + "/" + served), List.<String>of()))
        .orElseGet(
            () ->
                new PolicyListing(
                    List.of(),
                    Optional.empty(),
                    List.of(
                        "PeerAuthentication ("
                            + GROUP
                            + ") is not served by this cluster: Istio's CRDs are not installed,"
                            + " so no mTLS policy applies")));
  }

  /** The last list {@link #list} made of {@code scope}, once: a second call finds nothing. */
  Optional<Paging.Listed<ParsedPeerAuthentication>> takeRemembered(NamespaceScope scope) {
    return Optional.ofNullable(remembered.remove(scope));
  }

  /** Forgets every remembered list. */
  void clear() {
    remembered.clear();
  }

  /** Lists with the first version the cluster serves; empty when it serves none. */
  private Optional<Paging.Listed<ParsedPeerAuthentication>> listAnyVersion(
      NamespaceScope scope, Cancellation cancellation) throws KubeException {
    for (String version : VERSIONS) {
      try {
        Paging.Listed<ParsedPeerAuthentication> listed = listVersion(version, scope, cancellation);
        served = version;
        return Optional.of(listed);
      } catch (KubeException e) {
        if (!(e.failure() instanceof KubeFailure.NotFound)) {
          throw e;
        }
      }
    }
    return Optional.empty();
  }

  private Paging.Listed<ParsedPeerAuthentication> listVersion(
      String version, NamespaceScope scope, Cancellation cancellation) throws KubeException {
    Operation op = ClusterSession.operation("list", RESOURCE, scope);
    List<ParsedPeerAuthentication> out = new ArrayList<>();
    String token = null;
    String resourceVersion = "";
    do {
      String current = token;
      Object page =
          calls.execute(
              op,
              () -> listCall(version, scope, current, false, null, 0),
              Object.class,
              cancellation);
      if (!(page instanceof Map<?, ?> map)) {
        break;
      }
      if (map.get("items") instanceof List<?> items) {
        for (Object item : items) {
          if (item instanceof Map<?, ?> m) {
            out.add(parse(m, version, scope));
          }
        }
      }
      token = null;
      if (map.get("metadata") instanceof Map<?, ?> meta) {
        token = meta.get("continue") instanceof String s && !s.isEmpty() ? s : null;
        if (meta.get("resourceVersion") instanceof String rv) {
          resourceVersion = rv;
        }
      }
    } while (token != null);
    return new Paging.Listed<>(out, resourceVersion);
  }

  private Call listCall(
      String version,
      NamespaceScope scope,
      String continueToken,
      boolean watch,
      String resourceVersion,
      int timeoutSeconds)
      throws ApiException {
    Integer timeout = watch ? timeoutSeconds : null;
    Boolean bookmarks = watch ? Boolean.TRUE : null;
    Boolean w = watch ? Boolean.TRUE : null;
    Integer limit = watch ? null : pageSize;
    return scope.isAll()
        ? custom
            .listClusterCustomObject(GROUP, version, PLURAL)
            .limit(limit)
            ._continue(continueToken)
            .watch(w)
            .allowWatchBookmarks(bookmarks)
            .resourceVersion(resourceVersion)
            .timeoutSeconds(timeout)
            .buildCall(null)
        : custom
            .listNamespacedCustomObject(GROUP, version, scope.namespace().get(), PLURAL)
            .limit(limit)
            ._continue(continueToken)
            .watch(w)
            .allowWatchBookmarks(bookmarks)
            .resourceVersion(resourceVersion)
            .timeoutSeconds(timeout)
            .buildCall(null);
  }

  /** Items of a list may lack apiVersion and kind: fill them in from what was asked for. */
  static ParsedPeerAuthentication parse(Map<?, ?> item, String version, NamespaceScope scope) {
    Map<Object, Object> object = new LinkedHashMap<>(item);
    object.putIfAbsent("apiVersion", GROUP + "/" + version);
    object.putIfAbsent("kind", "PeerAuthentication");
    return PeerAuthenticationParser.parse(object, scope.namespace().orElse(""));
  }

  WatchSource<Object, ParsedPeerAuthentication> watchSource(NamespaceScope scope) {
    return new WatchSource<>() {
      @Override
      public String describe() {
        return "PeerAuthentications in " + scope;
      }

      @Override
      public Operation operation() {
        return ClusterSession.operation("watch", RESOURCE, scope);
      }

      @Override
      public Paging.Listed<ParsedPeerAuthentication> list(Cancellation cancellation)
          throws KubeException {
        Optional<Paging.Listed<ParsedPeerAuthentication>> listed =
            listAnyVersion(scope, cancellation);
        if (listed.isEmpty()) {
          throw new KubeException(
              new KubeFailure.NotFound(operation(), "the PeerAuthentication CRD is not installed"));
        }
        return listed.get();
      }

      @Override
      public Call watchCall(String resourceVersion, int timeoutSeconds) throws ApiException {
        return listCall(served, scope, null, true, resourceVersion, timeoutSeconds);
      }

      @Override
      public Type eventType() {
        return new TypeToken<Watch.Response<Object>>() {}.getType();
      }

      @Override
      public Optional<ParsedPeerAuthentication> convert(Object object) {
        return object instanceof Map<?, ?> m
            ? Optional.of(parse(m, served, scope))
            : Optional.empty();
      }

      @Override
      public String resourceVersion(Object object) {
        if (object instanceof Map<?, ?> m
            && m.get("metadata") instanceof Map<?, ?> meta
            && meta.get("resourceVersion") instanceof String rv) {
          return rv;
        }
        return "";
      }

      @Override
      public String key(ParsedPeerAuthentication item) {
        return item.ref().namespace() + "/" + item.ref().name();
      }
    };
  }
}
