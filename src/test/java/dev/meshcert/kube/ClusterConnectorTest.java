package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.config.KubeconfigLoader;
import dev.meshcert.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConnectorTest {

  @TempDir Path dir;
  private MockCluster cluster;
  private ClusterConnector connector;

  @BeforeEach
  void start() throws Exception {
    cluster = new MockCluster();
    Path config = dir.resolve("config");
    Files.writeString(
        config,
        """
        current-context: mock
        clusters:
        - name: mock
          cluster: {server: "%s"}
        users:
        - name: tester
          user: {token: test-token}
        contexts:
        - name: mock
          context: {cluster: mock, user: tester, namespace: bookinfo}
        - name: other
          context: {cluster: mock, user: tester}
        - name: dangling
          context: {cluster: nowhere, user: tester}
        """
            .formatted(cluster.url()));
    connector =
        new ClusterConnector(
            () -> KubeconfigLoader.load(List.of(config)), SessionOptions.defaults(), TestPki.CLOCK);
  }

  @AfterEach
  void stop() {
    connector.close();
    cluster.close();
  }

  @Test
  void contextsAndCurrentComeFromTheKubeconfig() {
    assertEquals(List.of("mock", "other", "dangling"), connector.contexts());
    assertEquals(Optional.of("mock"), connector.currentContext());
  }

  @Test
  void oneSessionPerContextIsKept() throws Exception {
    ClusterConnection a = connector.open("mock");
    assertSame(a, connector.open("mock"));
    ClusterConnection b = connector.open("other");
    assertEquals(List.of("mock", "other"), connector.openContexts());
    assertEquals(Optional.of("bookinfo"), a.defaultNamespace());
    assertEquals(Optional.empty(), b.defaultNamespace());
  }

  @Test
  void openedSessionTalksToTheContextsServer() throws Exception {
    connector.open("mock").pods(NamespaceScope.all(), Cancellation.none());
    assertEquals(List.of("GET /api/v1/pods?limit=500"), cluster.requestLines());
  }

  @Test
  void contextWithAnUndefinedClusterIsABadKubeconfig() {
    KubeException e = assertThrows(KubeException.class, () -> connector.open("dangling"));
    KubeFailure.BadKubeconfig f = assertInstanceOf(KubeFailure.BadKubeconfig.class, e.failure());
    assertTrue(f.detail().contains("\"nowhere\""), f.detail());
  }

  @Test
  void closingAContextForgetsItsSession() throws Exception {
    ClusterConnection a = connector.open("mock");
    connector.close("mock");
    assertEquals(List.of(), connector.openContexts());
    assertTrue(a != connector.open("mock"));
  }

  @Test
  void demoIsAlwaysAvailable() {
    assertTrue(connector.demo().isDemo());
    assertSame(connector.demo(), connector.demo());
  }
}
