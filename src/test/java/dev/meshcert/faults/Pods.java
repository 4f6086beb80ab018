package dev.meshcert.faults;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

/** Pods to seed the mock with. */
public final class Pods {

  private Pods() {}

  /** A pod with an application container and an Istio sidecar. */
  public static Pod istio(String namespace, String name) {
    return new PodBuilder()
        .withApiVersion("v1")
        .withKind("Pod")
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels("app", name.replaceAll("-[^-]+$", ""))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("example/app:1")
        .endContainer()
        .addNewContainer()
        .withName("istio-proxy")
        .withImage("docker.io/istio/proxyv2:1.24.2")
        .endContainer()
        .endSpec()
        .build();
  }
}
