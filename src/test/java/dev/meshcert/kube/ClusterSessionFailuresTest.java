package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.config.ExecConfig;
import dev.meshcert.kube.config.KubeCluster;
import dev.meshcert.kube.config.KubeContext;
import dev.meshcert.kube.config.KubeUser;
import dev.meshcert.kube.config.ResolvedContext;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every client failure becomes a typed failure that says what happened and what to try. */
class ClusterSessionFailuresTest {

  private MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private KubeFailure listPodsFailure(ClusterSession s, NamespaceScope scope) {
    return assertThrows(KubeException.class, () -> s.pods(scope, Cancellation.none())).failure();
  }

  @Test
  void unauthorizedNamesTheUserAndSuggestsLoggingIn() throws Exception {
    cluster.respond("/api/v1/pods", 401);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeFailure f = listPodsFailure(s, NamespaceScope.all());
      KubeFailure.Unauthorized u = assertInstanceOf(KubeFailure.Unauthorized.class, f);
      assertEquals("tester", u.user());
      assertTrue(u.title().contains("401 Unauthorized"), u.title());
      assertTrue(u.hints().get(0).startsWith("Log in again"), u.hints().toString());
    }
  }

  @Test
  void forbiddenNamesVerbResourceAndNamespace() throws Exception {
    cluster.respond("/api/v1/namespaces/kube-system/pods", 403);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeFailure f = listPodsFailure(s, NamespaceScope.of("kube-system"));
      KubeFailure.Forbidden forbidden = assertInstanceOf(KubeFailure.Forbidden.class, f);
      assertEquals(Operation.in("list", "pods", "kube-system"), forbidden.operation());
      assertEquals(
          "User \"tester\" may not list pods in namespace kube-system (403 Forbidden)",
          forbidden.title());
      assertTrue(forbidden.detail().contains("scripted 403"), forbidden.detail());
      assertTrue(
          forbidden.hints().contains("Check with: kubectl auth can-i list pods -n kube-system"),
          forbidden.hints().toString());
    }
  }

  @Test
  void notFoundIsNotFound() throws Exception {
    cluster.respond("/api/v1/namespaces/gone/pods", 404);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      assertInstanceOf(KubeFailure.NotFound.class, listPodsFailure(s, NamespaceScope.of("gone")));
    }
  }

  @Test
  void serverErrorKeepsItsCode() throws Exception {
    cluster.respond("/api/v1/pods", 503);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeFailure.ServerError e =
          assertInstanceOf(KubeFailure.ServerError.class, listPodsFailure(s, NamespaceScope.all()));
      assertEquals(503, e.code());
    }
  }

  @Test
  void closedPortIsUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ResolvedContext ctx = withServer("http://127.0.0.1:" + port);
    try (ClusterSession s = ClusterSession.open(ctx, SessionOptions.defaults())) {
      KubeFailure.Unreachable u =
          assertInstanceOf(KubeFailure.Unreachable.class, listPodsFailure(s, NamespaceScope.all()));
      assertEquals("http://127.0.0.1:" + port, u.server());
    }
  }

  @Test
  void slowServerTimesOut() throws Exception {
    cluster.respondSlowly("/api/v1/pods", Duration.ofSeconds(5));
    try (ClusterSession s =
        ClusterSession.open(
            cluster.context("mock", Optional.empty()),
            SessionOptions.defaults().withRequestTimeout(Duration.ofMillis(400)))) {
      KubeFailure.Timeout t =
          assertInstanceOf(KubeFailure.Timeout.class, listPodsFailure(s, NamespaceScope.all()));
      assertEquals(Duration.ofMillis(400), t.after());
    }
  }

  @Test
  void malformedObjectIsABadResponseNotACrash() throws Exception {
    cluster
        .expect()
        .get()
        .withPath("/apis/apps/v1/deployments?limit=500")
        .andReturn(
            200,
            "{\"kind\":\"DeploymentList\",\"apiVersion\":\"apps/v1\",\"metadata\":{},"
                + "\"items\":[{\"metadata\":{\"name\":\"x\"},\"spec\":{\"replicas\":1}}]}")
        .once();
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeException e =
          assertThrows(KubeException.class, () -> s.controlPlaneInputs(Cancellation.none()));
      KubeFailure.BadResponse bad = assertInstanceOf(KubeFailure.BadResponse.class, e.failure());
      assertTrue(bad.detail().contains("is not found in the JSON string"), bad.detail());
    }
  }

  @Test
  void cancelledBeforehandSendsNothing() throws Exception {
    Cancellation c = new Cancellation();
    c.cancel();
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeException e = assertThrows(KubeException.class, () -> s.pods(NamespaceScope.all(), c));
      assertInstanceOf(KubeFailure.Cancelled.class, e.failure());
    }
    assertEquals(List.of(), cluster.requests());
  }

  @Test
  void cancellingAbortsACallInFlight() throws Exception {
    cluster.respondSlowly("/api/v1/pods", Duration.ofSeconds(10));
    Cancellation c = new Cancellation();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (ClusterSession s = cluster.session(Optional.empty())) {
      timer.schedule(c::cancel, 300, TimeUnit.MILLISECONDS);
      long start = System.nanoTime();
      KubeException e = assertThrows(KubeException.class, () -> s.pods(NamespaceScope.all(), c));
      assertInstanceOf(KubeFailure.Cancelled.class, e.failure());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void writesAreRefusedBeforeTheyLeave() throws Exception {
    ClientFactory.Built built =
        ClientFactory.build(cluster.context("mock", Optional.empty()), SessionOptions.defaults());
    V1Namespace ns = new V1Namespace().metadata(new V1ObjectMeta().name("evil"));
    ApiException e =
        assertThrows(
            ApiException.class, () -> new CoreV1Api(built.client()).createNamespace(ns).execute());
    assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    assertEquals(List.of(), cluster.requests());
  }

  @Test
  void missingExecPluginIsNamedWhenOpening() {
    ResolvedContext ctx =
        withExec(
            "aws-iam-authenticator-not-here", Optional.of("brew install aws-iam-authenticator"));
    KubeException e =
        assertThrows(
            KubeException.class, () -> ClusterSession.open(ctx, SessionOptions.defaults()));
    KubeFailure.CredentialsUnavailable f =
        assertInstanceOf(KubeFailure.CredentialsUnavailable.class, e.failure());
    assertEquals(Optional.of("aws-iam-authenticator-not-here"), f.command());
    assertTrue(f.title().contains("\"aws-iam-authenticator-not-here\""), f.title());
    assertTrue(f.detail().contains("brew install aws-iam-authenticator"), f.detail());
  }

  @Test
  void unreadableClientKeyFileIsACredentialFailure() {
    ResolvedContext base = cluster.context("mock", Optional.empty());
    KubeUser user =
        new KubeUser(
            "cert-user",
            Optional.empty(),
            Optional.empty(),
            Optional.of("-----BEGIN CERTIFICATE-----"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(Path.of("/nonexistent/client.key")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Path.of("kubeconfig"));
    ResolvedContext ctx = new ResolvedContext(base.context(), base.cluster(), user, List.of());
    KubeException e =
        assertThrows(
            KubeException.class, () -> ClusterSession.open(ctx, SessionOptions.defaults()));
    assertTrue(e.failure().detail().contains("/nonexistent/client.key"), e.failure().detail());
  }

  private ResolvedContext withServer(String server) {
    ResolvedContext base = cluster.context("mock", Optional.empty());
    KubeCluster c =
        new KubeCluster(
            "far",
            server,
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            Path.of("k"));
    return new ResolvedContext(base.context(), c, base.user(), List.of());
  }

  private ResolvedContext withExec(String command, Optional<String> hint) {
    ResolvedContext base = cluster.context("eks", Optional.empty());
    KubeUser user =
        new KubeUser(
            "eks-user",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of(
                new ExecConfig(
                    command,
                    List.of("token"),
                    Map.of(),
                    "client.authentication.k8s.io/v1beta1",
                    hint,
                    false)),
            Optional.empty(),
            Optional.empty(),
            Path.of("kubeconfig"));
    return new ResolvedContext(
        new KubeContext("eks", "mock", "eks-user", Optional.empty()),
        base.cluster(),
        user,
        List.of());
  }
}
