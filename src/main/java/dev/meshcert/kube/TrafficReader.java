package dev.meshcert.kube;

import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.DestinationRuleParser;
import dev.meshcert.mesh.workload.ServiceInfo;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ServiceList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what decides client-side TLS towards a workload: Services (which pods a host reaches) and
 * Istio DestinationRules ({@code networking.istio.io} v1, v1beta1 or v1alpha3, whichever the
 * cluster serves; none when the CRD is absent). List only.
 */
final class TrafficReader {

  static final String GROUP = "networking.istio.io";
  static final String PLURAL = "destinationrules";
  static final List<String> VERSIONS = List.of("v1", "v1beta1", "v1alpha3");
  static final String RESOURCE = PLURAL + "." + GROUP;

  private final ApiCalls calls;
  private final CoreV1Api core;
  private final CustomObjectsApi custom;
  private final int pageSize;

  TrafficReader(ApiCalls calls, int pageSize) {
    this.calls = calls;
    this.core = new CoreV1Api(calls.client());
    this.custom = new CustomObjectsApi(calls.client());
    this.pageSize = pageSize;
  }

  List<ServiceInfo> services(NamespaceScope scope, Cancellation cancellation) throws KubeException {
    return Paging.listAll(
            calls,
            ClusterSession.operation("list", "services", scope),
            next ->
                scope.isAll()
                    ? core.listServiceForAllNamespaces()
                        .limit(pageSize)
                        ._continue(next)
                        .buildCall(null)
                    : core.listNamespacedService(scope.namespace().get())
                        .limit(pageSize)
                        ._continue(next)
                        .buildCall(null),
            V1ServiceList.class,
            (V1ServiceList l) -> l.getItems(),
            V1ServiceList::getMetadata,
            cancellation)
        .stream()
        .map(ObjectConverter::service)
        .toList();
  }

  /** The rules of the first version served; empty when none is (Istio is not installed). */
  List<DestinationRule> destinationRules(NamespaceScope scope, Cancellation cancellation)
      throws KubeException {
    for (String version : VERSIONS) {
      try {
        return listVersion(version, scope, cancellation);
      } catch (KubeException e) {
        if (!(e.failure() instanceof KubeFailure.NotFound)) {
          throw e;
        }
      }
    }
    return List.of();
  }

  private List<DestinationRule> listVersion(
      String version, NamespaceScope scope, Cancellation cancellation) throws KubeException {
    Operation op = ClusterSession.operation("list", RESOURCE, scope);
    List<DestinationRule> out = new ArrayList<>();
    String token = null;
    do {
      String current = token;
      Object page =
          calls.execute(
              op,
              () ->
                  scope.isAll()
                      ? custom
                          .listClusterCustomObject(GROUP, version, PLURAL)
                          .limit(pageSize)
                          ._continue(current)
                          .buildCall(null)
                      : custom
                          .listNamespacedCustomObject(
                              GROUP, version, scope.namespace().get(), PLURAL)
                          .limit(pageSize)
                          ._continue(current)
                          .buildCall(null),
              Object.class,
              cancellation);
      if (!(page instanceof Map<?, ?> map)) {
        break;
      }
      if (map.get("items") instanceof List<?> items) {
        for (Object item : items) {
          if (item instanceof Map<?, ?> m) {
            DestinationRuleParser.parse(m, scope.namespace().orElse("")).ifPresent(out::add);
          }
        }
      }
      token =
          map.get("metadata") instanceof Map<?, ?> meta
                  && meta.get("continue") instanceof String s
                  && !s.isEmpty()
              ? s
              : null;
    } while (token != null);
    return out;
  }
}
