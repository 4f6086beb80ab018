package dev.meshcert.kube.demo;

import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.DestinationRuleParser;
import dev.meshcert.mesh.workload.ServiceInfo;
import java.util.List;
import java.util.Map;

/**
 * The demo mesh's Services and DestinationRules: bookinfo's services with ISTIO_MUTUAL subsets for
 * reviews (fine), and two rules that contradict the server side: one sending plain text to the
 * STRICT details service, one sending Istio mTLS to the legacy pod without a sidecar.
 */
final class DemoTraffic {

  private DemoTraffic() {}

  static List<ServiceInfo> services() {
    return List.of(
        service("bookinfo", "productpage", 9080, 9080),
        service("bookinfo", "details", 9080, 9080),
        service("bookinfo", "ratings", 9080, 9080),
        service("bookinfo", "reviews", 9080, 9080),
        service("legacy", "inventory", 8080, 8080),
        service("legacy", "batch-reporter", 80, 8080),
        service("ambient-demo", "httpbin", 8000, 8080),
        service("emojivoto", "web-svc", 80, 8080),
        service("emojivoto", "emoji-svc", 8080, 8080),
        service("default", "payments-api", 443, 8443));
  }

  private static ServiceInfo service(String ns, String app, int port, int target) {
    return new ServiceInfo(
        ns, app, Map.of("app", app), List.of(new ServiceInfo.Port(port, target)));
  }

  static List<DestinationRule> destinationRules() {
    return DestinationRuleParser.parseYaml(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: bookinfo}
        spec:
          host: reviews
          trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
          subsets:
          - {name: v1, labels: {version: v1}}
          - {name: v2, labels: {version: v2}}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: details-plaintext, namespace: legacy}
        spec:
          host: details.bookinfo.svc.cluster.local
          trafficPolicy: {tls: {mode: DISABLE}}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: batch-reporter, namespace: legacy}
        spec:
          host: batch-reporter
          trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
        """,
        "default");
  }
}
