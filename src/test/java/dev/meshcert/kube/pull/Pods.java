package dev.meshcert.kube.pull;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Map;

/** Kubernetes objects for the mock, as the meshes' injectors shape them. */
final class Pods {

  private Pods() {}

  static Pod istioSidecar(String ns, String name, String sa) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .withLabels(Map.of("app", name, "security.istio.io/tlsMode", "istio"))
        .withAnnotations(Map.of("sidecar.istio.io/status", "{\"revision\":\"default\"}"))
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(sa)
        .withNodeName("node-1")
        .withContainers(
            new ContainerBuilder().withName("app").withImage("example/app:1").build(),
            new ContainerBuilder()
                .withName("istio-proxy")
                .withImage("docker.io/istio/proxyv2:1.24.2")
                .build())
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withPodIP("10.0.0.1")
        .endStatus()
        .build();
  }

  static Pod ambient(String ns, String name, String sa, String node) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .withLabels(Map.of("app", name, "istio.io/dataplane-mode", "ambient"))
        .withAnnotations(Map.of("ambient.istio.io/redirection", "enabled"))
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(sa)
        .withNodeName(node)
        .withContainers(new ContainerBuilder().withName("app").withImage("example/app:1").build())
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .endStatus()
        .build();
  }

  static Pod ztunnel(String name, String node) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("istio-system")
        .withName(name)
        .withLabels(Map.of("app", "ztunnel"))
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName("ztunnel")
        .withNodeName(node)
        .withContainers(
            new ContainerBuilder()
                .withName("istio-proxy")
                .withImage("docker.io/istio/ztunnel:1.24.2")
                .build())
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .endStatus()
        .build();
  }

  static Pod linkerd(String ns, String name, String sa, String anchorsPem) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .withLabels(Map.of("app", name, "linkerd.io/control-plane-ns", "linkerd"))
        .withAnnotations(Map.of("linkerd.io/proxy-version", "stable-2.14.10"))
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(sa)
        .withNodeName("node-1")
        .withContainers(
            new ContainerBuilder().withName("app").withImage("example/app:1").build(),
            new ContainerBuilder()
                .withName("linkerd-proxy")
                .withImage("cr.l5d.io/linkerd/proxy:stable-2.14.10")
                .withEnv(
                    List.of(
                        new EnvVar("_l5d_ns", "linkerd", null),
                        new EnvVar(
                            "LINKERD2_PROXY_IDENTITY_LOCAL_NAME",
                            "$(_pod_sa).$(_pod_ns).serviceaccount.identity.$(_l5d_ns).cluster.local",
                            null),
                        new EnvVar("LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS", anchorsPem, null)))
                .build())
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .endStatus()
        .build();
  }

  static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }

  static io.fabric8.kubernetes.api.model.ConfigMap configMap(
      String ns, String name, String key, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .endMetadata()
        .withData(Map.of(key, value))
        .build();
  }
}
