package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.workload.SecretInfo;
import dev.meshcert.mesh.workload.WorkloadResource;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Objects of an istioctl bug-report's cluster files, as kubectl wrote them. */
class KubeObjectsTest {

  @Test
  void secretTableGivesNamespaceNameAndType() {
    KubeObjects.Read read =
        KubeObjects.secrets(
            """
            NAMESPACE      NAME              TYPE               DATA   AGE
            istio-system   cacerts           Opaque             4      12d
            istio-system   istio-ca-secret   istio.io/ca-root   5      12d
            """);

    assertEquals(
        java.util.List.of(
            new SecretInfo("istio-system", "cacerts", "Opaque", Set.of()),
            new SecretInfo("istio-system", "istio-ca-secret", "istio.io/ca-root", Set.of())),
        read.secrets());
    assertTrue(read.problems().isEmpty(), read.problems().toString());
  }

  @Test
  void fullSecretsKeepKeyNamesButNoValue() {
    String key = "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2Z0lCQURBTkJna3Fo";
    KubeObjects.Read read =
        KubeObjects.secrets(
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Secret
              type: istio.io/ca-root
              metadata: {name: istio-ca-secret, namespace: istio-system}
              data:
                ca-key.pem: %s
                ca-cert.pem: Zm9v
            """
                .formatted(key));

    assertEquals(Set.of("ca-key.pem", "ca-cert.pem"), read.secrets().get(0).keys());
    assertFalse(read.toString().contains(key));
  }

  @Test
  void fullCaSecretKeepsItsCertificateEntriesAndWithholdsTheKey() {
    KubeObjects.Read read =
        KubeObjects.secrets(
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Secret
              type: Opaque
              metadata: {name: cacerts, namespace: istio-system}
              data:
                ca-cert.pem: Zm9v
                ca-key.pem: YmFy
                root-cert.pem: YmF6
            - apiVersion: v1
              kind: Secret
              type: kubernetes.io/service-account-token
              metadata: {name: default-token-abc, namespace: istio-system}
              data:
                token: c2VjcmV0
            """);

    SecretCertificates cacerts = read.secretCertificates().get(0);
    assertEquals(1, read.secretCertificates().size());
    assertEquals("istio-system/cacerts", cacerts.ref());
    assertEquals(
        java.util.List.of("ca-cert.pem", "root-cert.pem"),
        java.util.List.copyOf(cacerts.certificates().keySet()));
    assertEquals(
        "foo",
        new String(
            cacerts.certificates().get("ca-cert.pem"), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(Set.of("ca-key.pem"), cacerts.withheld());
  }

  @Test
  void controllersAreReadWithTheirContainers() {
    KubeObjects.Read read =
        KubeObjects.read(
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: ztunnel, namespace: istio-system, labels: {app: ztunnel}}
            spec:
              selector: {matchLabels: {app: ztunnel}}
              template:
                spec:
                  containers:
                  - {name: istio-proxy, image: docker.io/istio/ztunnel:1.22.0}
            """);

    WorkloadResource ds = read.controllers().get(0);
    assertEquals(WorkloadResource.Kind.DAEMON_SET, ds.kind());
    assertEquals("istio-proxy", ds.containers().get(0).name());
  }

  @Test
  void unreadableObjectBecomesAProblemAndTheOthersAreKept() {
    KubeObjects.Read read =
        KubeObjects.read(
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata: {name: reviews, namespace: bookinfo}
              spec:
                ports: "not a list"
            - apiVersion: v1
              kind: Service
              metadata: {name: ratings, namespace: bookinfo}
              spec:
                selector: {app: ratings}
                ports: [{port: 9080}]
            """);

    assertEquals(1, read.services().size());
    assertEquals("ratings", read.services().get(0).name());
    assertEquals(1, read.problems().size(), read.problems().toString());
  }
}
