package dev.meshcert.faults;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.kube.config.KubeconfigLoader;
import dev.meshcert.kube.config.ResolvedContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kubeconfig exec credential plugin that hangs (waiting for an interactive login that never
 * comes): connecting fails after the plugin timeout with a message that says so, the plugin is
 * killed, and a hang on a later refresh fails the call instead of blocking it.
 */
class PluginFaultsTest {

  @TempDir Path dir;
  private FaultyApiServer api;

  @BeforeEach
  void start() {
    api = new FaultyApiServer();
    api.seed(c -> c.resource(Pods.istio("bookinfo", "reviews-v1-abc")).create());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  /** A plugin that answers {@code answers} times with a token, then hangs. */
  private ResolvedContext pluginContext(int answers) throws Exception {
    Path script = dir.resolve("plugin.sh");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "f=\""
            + dir.resolve("runs")
            + "\"\n"
            + "n=$(cat \"$f\" 2>/dev/null || echo 0); echo $((n+1)) > \"$f\"\n"
            + "if [ \"$n\" -ge "
            + answers
            + " ]; then exec sleep 30; fi\n"
            + "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
            + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"plugin-token\"}}'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        current-context: ctx
        clusters:
        - name: mock
          cluster: {server: "%s"}
        users:
        - name: sso
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: %s
              interactiveMode: Never
        contexts:
        - name: ctx
          context: {cluster: mock, user: sso}
        """
            .formatted(api.url(), script));
    return KubeconfigLoader.load(List.of(kubeconfig)).resolve("ctx");
  }

  private static SessionOptions options() {
    return new SessionOptions(
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        500,
        Duration.ofSeconds(2),
        Duration.ofMillis(200),
        Clock.systemUTC());
  }

  private static long sleepers() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false))
        .filter(ProcessHandle::isAlive)
        .count();
  }

  @Test
  void hangingPluginFailsTheConnectionSayingItDidNotAnswer() throws Exception {
    ResolvedContext ctx = pluginContext(0);
    KubeException e = assertThrows(KubeException.class, () -> ClusterSession.open(ctx, options()));
    assertInstanceOf(KubeFailure.CredentialsUnavailable.class, e.failure());
    assertTrue(
        e.failure().title().contains("plugin.sh")
            || e.failure().detail().contains("did not answer"),
        e.failure().toString());
    assertTrue(e.failure().detail().contains("did not answer within 1 s"), e.failure().detail());
  }

  @Test
  void hangingPluginIsKilled() throws Exception {
    long before = sleepers();
    ResolvedContext ctx = pluginContext(0);
    assertThrows(KubeException.class, () -> ClusterSession.open(ctx, options()));
    // A killed process counts as alive until the JVM has reaped it: wait for that (bounded),
    // and compare with what ran before this test, not with zero.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (sleepers() > before && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(sleepers() <= before, "sleepers before " + before + ", now " + sleepers());
  }

  @Test
  void pluginHangingOnRefreshFailsTheCallInsteadOfBlockingIt() throws Exception {
    ResolvedContext ctx = pluginContext(1);
    api.on("/api/v1/namespaces/bookinfo/pods", 1, FaultyApiServer.status(401));
    try (ClusterSession s = ClusterSession.open(ctx, options())) {
      KubeException e =
          assertThrows(
              KubeException.class,
              () -> s.pods(NamespaceScope.of("bookinfo"), Cancellation.none()));
      assertTrue(
          e.failure() instanceof KubeFailure.CredentialsUnavailable
              || e.failure() instanceof KubeFailure.Unauthorized,
          e.failure().toString());
    }
  }
}
