package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.faults.ExecScripts;
import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Workload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exec over WebSocket against the mock: the fixed read-only commands and their failures. */
class CertificateReaderTest {

  private static final Workload PRODUCTPAGE =
      Workload.builder("bookinfo", "productpage-v1-abc").build();
  private static final String EXEC =
      "/api/v1/namespaces/bookinfo/pods/productpage-v1-abc/exec?stdin=false&stdout=true&stderr=true"
          + "&tty=false&container=istio-proxy&command=pilot-agent&command=request&command=GET"
          + "&command=config_dump%3Fresource%3Ddynamic_active_secrets";
  private MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void istioSidecarSecretsAreReadThroughPilotAgent() throws Exception {
    String dump =
        "{\"configs\":[{\"@type\":\"type.googleapis.com/envoy.admin.v3.SecretsConfigDump\"}]}";
    cluster.answerOnce(EXEC, ExecScripts.prints(dump, 0));
    try (ClusterSession s = cluster.session(Optional.empty())) {
      FetchedCertificates f =
          s.certificates(
              PRODUCTPAGE, new CertSource.EnvoyAdmin("istio-proxy", 15000), Cancellation.none());
      assertEquals(dump, new String(f.content(), StandardCharsets.UTF_8));
      assertEquals("bookinfo/productpage-v1-abc istio-proxy config_dump (secrets)", f.name());
    }
    assertEquals(List.of("GET " + EXEC), cluster.requestLines());
  }

  @Test
  void linkerdProxyIsNotSupportedAndSendsNothing() throws Exception {
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeException e =
          assertThrows(
              KubeException.class,
              () ->
                  s.certificates(
                      PRODUCTPAGE,
                      new CertSource.LinkerdProxy("linkerd-proxy", 4191),
                      Cancellation.none()));
      assertInstanceOf(KubeFailure.NotSupported.class, e.failure());
    }
    assertEquals(List.of(), cluster.requests());
  }

  @Test
  void refusedExecIsForbiddenNamingTheSubresource() throws Exception {
    cluster.respond("/api/v1/namespaces/bookinfo/pods/productpage-v1-abc/exec", 403);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeException e =
          assertThrows(
              KubeException.class,
              () ->
                  s.certificates(
                      PRODUCTPAGE,
                      new CertSource.EnvoyAdmin("istio-proxy", 15000),
                      Cancellation.none()));
      KubeFailure.Forbidden f = assertInstanceOf(KubeFailure.Forbidden.class, e.failure());
      assertEquals("pods/exec", f.operation().resource());
      assertTrue(f.title().contains("may not create pods/exec in namespace bookinfo"), f.title());
    }
  }
}
