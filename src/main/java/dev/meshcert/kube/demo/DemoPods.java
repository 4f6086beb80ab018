package dev.meshcert.kube.demo;

import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.ContainerPort;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.Volume;
import dev.meshcert.mesh.workload.VolumeMount;
import dev.meshcert.mesh.workload.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The namespaces and pods of the demo mesh. */
final class DemoPods {

  static final String ISTIO_VERSION = "1.24.2";
  static final String PROXY = "docker.io/istio/proxyv2:" + ISTIO_VERSION;
  static final String LINKERD_VERSION = "stable-2.14.10";

  private DemoPods() {}

  static List<Namespace> namespaces() {
    return List.of(
        new Namespace("ambient-demo", Map.of("istio.io/dataplane-mode", "ambient"), Map.of()),
        new Namespace("bookinfo", Map.of("istio-injection", "enabled"), Map.of()),
        Namespace.named("default"),
        new Namespace("emojivoto", Map.of(), Map.of("linkerd.io/inject", "enabled")),
        new Namespace("istio-system", Map.of(), Map.of()),
        new Namespace("legacy", Map.of("istio-injection", "enabled"), Map.of()),
        Namespace.named("linkerd"));
  }

  static List<Workload> pods(Instant now) {
    List<Workload> pods = new ArrayList<>();
    Instant started = now.minus(Duration.ofHours(5));
    pods.add(
        app("istio-system", "istiod-7d4f8b6c5-k2x9p", "istiod", "istiod", started)
            .container(Container.of("discovery", "docker.io/istio/pilot:" + ISTIO_VERSION))
            .build());
    for (String node : List.of("node-1", "node-2")) {
      pods.add(
          Workload.builder("istio-system", "ztunnel-" + node.substring(5) + "x7q")
              .serviceAccount("ztunnel")
              .node(node)
              .label("app", "ztunnel")
              .owner("DaemonSet", "ztunnel")
              .container(Container.of("istio-proxy", "docker.io/istio/ztunnel:" + ISTIO_VERSION))
              .created(started)
              .podIp("10.244." + node.substring(5) + ".2")
              .build());
    }
    pods.add(
        sidecar(
                app(
                    "bookinfo",
                    "productpage-v1-6b746f74dc-9stvs",
                    "productpage",
                    "bookinfo-productpage",
                    started),
                9080,
                false)
            .build());
    pods.add(
        sidecar(
                app(
                    "bookinfo",
                    "details-v1-79f774bdb9-kq2lw",
                    "details",
                    "bookinfo-details",
                    started),
                9080,
                false)
            .build());
    pods.add(
        sidecar(
                app(
                    "bookinfo",
                    "ratings-v1-b6994bb9-tg4kl",
                    "ratings",
                    "bookinfo-ratings",
                    started),
                9080,
                false)
            .build());
    pods.add(
        sidecar(
                app(
                        "bookinfo",
                        "reviews-v1-545db77b95-8jz5b",
                        "reviews",
                        "bookinfo-reviews",
                        started)
                    .label("version", "v1"),
                9080,
                false)
            .build());
    pods.add(
        sidecar(
                app(
                        "bookinfo",
                        "reviews-v2-7bf8c9648f-x5cq2",
                        "reviews",
                        "bookinfo-reviews",
                        started)
                    .label("version", "v2"),
                9080,
                true)
            .build());
    pods.add(
        sidecar(
                app("legacy", "inventory-5d9c7f8b4-wq8rt", "inventory", "inventory", started),
                8080,
                false)
            .build());
    pods.add(
        app("legacy", "batch-reporter-6f7d9b8c4-m2n4p", "batch-reporter", "batch-reporter", started)
            .annotation("sidecar.istio.io/inject", "false")
            .container(
                Container.of("reporter", "example.com/batch-reporter:3.1")
                    .withPorts(List.of(ContainerPort.tcp(8080))))
            .build());
    pods.add(
        app("ambient-demo", "httpbin-686d6fc899-7lhrc", "httpbin", "httpbin", started)
            .node("node-2")
            .annotation("ambient.istio.io/redirection", "enabled")
            .container(
                Container.of("httpbin", "docker.io/kong/httpbin:0.1.0")
                    .withPorts(List.of(ContainerPort.tcp(8080))))
            .build());
    pods.add(
        linkerd(app("emojivoto", "web-5f86686c4d-58p7k", "web-svc", "web", started), 8080).build());
    pods.add(
        linkerd(app("emojivoto", "emoji-78594cb998-4qzbb", "emoji-svc", "emoji", started), 8080)
            .build());
    pods.add(
        app(
                "linkerd",
                "linkerd-identity-6b78ff444f-jwp47",
                "linkerd-identity",
                "linkerd-identity",
                started)
            .label("linkerd.io/control-plane-component", "identity")
            .container(Container.of("identity", "cr.l5d.io/linkerd/controller:" + LINKERD_VERSION))
            .build());
    pods.add(
        app("default", "curl-5b5d8d6b5c-qp7tn", "curl", "curl", started)
            .container(Container.of("curl", "curlimages/curl:8.5.0"))
            .build());
    pods.add(
        app("default", "payments-api-7c9d8f6b5-h4k2m", "payments-api", "payments", started)
            .container(
                Container.of("api", "example.com/payments-api:2.4")
                    .withPorts(List.of(ContainerPort.tcp(8443)))
                    .withMounts(List.of(new VolumeMount("tls", "/etc/tls", true))))
            .volume(
                Volume.csi(
                    "tls",
                    "csi.cert-manager.io",
                    Map.of("csi.cert-manager.io/issuer-name", "internal-ca")))
            .build());
    return pods;
  }

  private static Workload.Builder app(
      String ns, String name, String app, String serviceAccount, Instant created) {
    String[] parts = name.split("-");
    String hash = parts.length >= 3 ? parts[parts.length - 2] : "";
    Workload.Builder b =
        Workload.builder(ns, name)
            .serviceAccount(serviceAccount)
            .node(name.hashCode() % 2 == 0 ? "node-1" : "node-2")
            .label("app", app)
            .created(created)
            .podIp(
                "10.244."
                    + Math.abs(name.hashCode() % 2 + 1)
                    + "."
                    + (10 + Math.abs(name.hashCode() % 200)));
    if (!hash.isEmpty()) {
      b.label("pod-template-hash", hash)
          .owner("ReplicaSet", name.substring(0, name.lastIndexOf('-')));
    }
    return b;
  }

  private static Workload.Builder sidecar(Workload.Builder b, int port, boolean nativeSidecar) {
    Container proxy =
        Container.of("istio-proxy", PROXY)
            .withPorts(List.of(new ContainerPort(15090, "http-envoy-prom", "TCP")));
    b.label("security.istio.io/tlsMode", "istio")
        .label("service.istio.io/canonical-revision", "latest")
        .annotation(
            "sidecar.istio.io/status",
            "{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"],"
                + "\"volumes\":[\"istio-envoy\",\"istio-data\",\"istio-token\",\"istiod-ca-cert\"],"
                + "\"revision\":\"default\"}")
        .initContainer(Container.of("istio-init", PROXY))
        .container(
            Container.of("app", "docker.io/istio/examples-bookinfo:1.20.2")
                .withPorts(List.of(ContainerPort.tcp(port))));
    return nativeSidecar ? b.initContainer(proxy.withRestartPolicy("Always")) : b.container(proxy);
  }

  private static Workload.Builder linkerd(Workload.Builder b, int port) {
    return b.label("linkerd.io/control-plane-ns", "linkerd")
        .annotation("linkerd.io/proxy-version", LINKERD_VERSION)
        .initContainer(Container.of("linkerd-init", "cr.l5d.io/linkerd/proxy-init:v2.2.3"))
        .container(
            Container.of("app", "docker.l5d.io/buoyantio/emojivoto:v11")
                .withPorts(List.of(ContainerPort.tcp(port))))
        .container(
            Container.of("linkerd-proxy", "cr.l5d.io/linkerd/proxy:" + LINKERD_VERSION)
                .withPorts(
                    List.of(
                        new ContainerPort(4143, "linkerd-proxy", "TCP"),
                        new ContainerPort(4191, "linkerd-admin", "TCP")))
                .withEnv(
                    Map.of(
                        "LINKERD2_PROXY_IDENTITY_LOCAL_NAME",
                        "$(_pod_sa).$(_pod_ns).serviceaccount.identity.linkerd.cluster.local")));
  }
}
