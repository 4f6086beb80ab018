package dev.meshcert.mesh.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  @Test
  void nativeSidecarsAreInitContainersThatRestartAlways() {
    Workload pod =
        Workload.builder("ns", "p")
            .initContainer(Container.of("istio-validation", "proxyv2"))
            .initContainer(Container.of("istio-proxy", "proxyv2").withRestartPolicy("Always"))
            .container(Container.of("app", "app"))
            .build();
    assertEquals(
        List.of("istio-proxy"), pod.nativeSidecars().stream().map(Container::name).toList());
    assertEquals(
        List.of("app", "istio-proxy"),
        pod.runningContainers().stream().map(Container::name).toList());
  }

  @Test
  void workloadNameDropsThePodTemplateHashOfItsReplicaSet() {
    Workload pod =
        Workload.builder("bookinfo", "reviews-v1-5b8f7d9c4-x2x7k")
            .label("pod-template-hash", "5b8f7d9c4")
            .owner("ReplicaSet", "reviews-v1-5b8f7d9c4")
            .build();
    assertEquals("reviews-v1", pod.workloadName());
  }

  @Test
  void workloadNameOfABarePodIsItsAppLabel() {
    assertEquals(
        "curl", Workload.builder("ns", "curl-1").label("app", "curl").build().workloadName());
  }

  @Test
  void imageTagIgnoresRegistryPortAndDigest() {
    Container c = Container.of("x", "registry:5000/istio/proxyv2:1.24.2@sha256:abc");
    assertEquals(Optional.of("1.24.2"), c.imageTag());
    assertEquals("proxyv2", c.imageName());
  }

  @Test
  void imageWithoutTagHasNone() {
    assertEquals(Optional.empty(), Container.of("x", "registry:5000/istio/proxyv2").imageTag());
  }

  @Test
  void declaredPortsComeFromRunningContainersOnce() {
    Workload pod =
        Workload.builder("ns", "p")
            .container(Container.of("app", "a").withPorts(List.of(ContainerPort.tcp(9080))))
            .container(
                Container.of("istio-proxy", "p")
                    .withPorts(List.of(ContainerPort.tcp(15090), ContainerPort.tcp(9080))))
            .build();
    assertEquals(List.of(9080, 15090), pod.declaredPorts());
  }
}
