package dev.meshcert.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.FetchedCertificates;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Workload;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading a pod's certificates over exec when the WebSocket closes mid-output, the command hangs or
 * the upgrade is refused: the read fails with a failure that says so (never half a result passed
 * off as the whole), and the session reads again afterwards.
 */
class ExecFaultsTest {

  private static final Workload POD = Workload.builder("bookinfo", "reviews-v1-abc").build();
  private static final String EXEC = "/api/v1/namespaces/bookinfo/pods/reviews-v1-abc/exec";
  private static final CertSource FILES = new CertSource.MountedFiles("app", "/etc/tls/", "tls");

  private FaultyApiServer api;
  private String chain;

  @BeforeEach
  void start() {
    api = new FaultyApiServer();
    TestPki.Issued root = new TestPki().root("CN=root").issue();
    TestPki.Issued leaf =
        new TestPki().leaf(root).uriSan("spiffe://cluster.local/ns/bookinfo/sa/reviews").issue();
    chain = leaf.pem() + root.pem();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private FetchedCertificates read(ClusterSession s) throws KubeException {
    return s.certificates(POD, FILES, Cancellation.none());
  }

  @Test
  void completeOutputIsReadWhole() throws Exception {
    api.on(EXEC, 1, ExecScripts.prints(chain, 0));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      assertEquals(chain, new String(read(s).content(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void webSocketClosedMidOutputIsAFailureNotATruncatedResult() throws Exception {
    String half = chain.substring(0, chain.length() / 2);
    api.on(EXEC, 1, ExecScripts.closesMidway(List.of(half)));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      KubeException e = assertThrows(KubeException.class, () -> read(s));
      KubeFailure.StreamCut f = assertInstanceOf(KubeFailure.StreamCut.class, e.failure());
      assertTrue(f.detail().contains("closed before the command finished"), f.detail());
      assertTrue(f.title().startsWith("The exec of "), f.title());
      assertFalse(f.hints().stream().anyMatch(h -> h.contains("VPN")), f.hints().toString());
    }
  }

  @Test
  void sessionReadsAgainAfterTheWebSocketClosedMidOutput() throws Exception {
    api.on(EXEC, 1, ExecScripts.closesMidway(List.of(chain.substring(0, 100))));
    api.on(EXEC, 1, ExecScripts.prints(chain, 0));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      assertThrows(KubeException.class, () -> read(s));
      assertEquals(chain, new String(read(s).content(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void hangingCommandTimesOutNamingTheExec() throws Exception {
    api.on(EXEC, 1, ExecScripts.hangs(10_000));
    try (ClusterSession s = api.session(Duration.ofSeconds(1))) {
      KubeException e = assertThrows(KubeException.class, () -> read(s));
      KubeFailure.Timeout t = assertInstanceOf(KubeFailure.Timeout.class, e.failure());
      assertEquals("pods/exec", t.operation().resource());
    }
  }

  @Test
  void upgradeAnsweredWith500IsAFailureNamingTheServer() throws Exception {
    api.on(EXEC, 1, FaultyApiServer.status(500));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      KubeException e = assertThrows(KubeException.class, () -> read(s));
      assertTrue(
          e.failure().title().contains(api.url()) || e.failure().detail().contains("500"),
          e.failure().toString());
    }
  }

  @Test
  void failingCommandWithoutOutputSaysItsExitCode() throws Exception {
    api.on(EXEC, 1, ExecScripts.prints("", 1));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      KubeException e = assertThrows(KubeException.class, () -> read(s));
      KubeFailure.CommandFailed f = assertInstanceOf(KubeFailure.CommandFailed.class, e.failure());
      assertEquals(1, f.exitCode());
    }
  }

  /** What containerd's kubelet sends when the image has no such program. */
  static final String NO_PROGRAM =
      "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"failed to exec in container:"
          + " failed to start exec: OCI runtime exec failed: exec failed: unable to start container"
          + " process: exec: \\\"cat\\\": executable file not found in $PATH: unknown\","
          + "\"reason\":\"InternalError\",\"details\":{\"causes\":[{\"message\":\"exec failed\"}]}"
          + ",\"code\":500}";

  @Test
  void runtimeFailureWithoutExitCodeSaysWhatHappenedAndWhatToTry() throws Exception {
    api.on(EXEC, 1, ExecScripts.endsWithStatus(NO_PROGRAM));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      KubeException e = assertThrows(KubeException.class, () -> read(s));
      KubeFailure.ExecFailed f = assertInstanceOf(KubeFailure.ExecFailed.class, e.failure());
      assertEquals(
          "cat could not be run in container app of pod bookinfo/reviews-v1-abc: the image does"
              + " not have it",
          f.title());
      assertTrue(f.detail().contains("executable file not found"), f.detail());
      assertEquals(
          "Reproduce it: kubectl exec -n bookinfo reviews-v1-abc -c app -- cat /etc/tls/tls.crt"
              + " /etc/tls/ca.crt",
          f.hints().get(f.hints().size() - 1));
    }
  }

  @Test
  void failedStatusWithoutExitCodeIsNotCalledAClosedStream() throws Exception {
    api.on(
        EXEC,
        1,
        ExecScripts.endsWithStatus(
            "{\"status\":\"Failure\",\"reason\":\"InternalError\",\"message\":\"error executing"
                + " command in container: container is not running\"}"));
    try (ClusterSession s = api.session(Duration.ofSeconds(5))) {
      KubeException e = assertThrows(KubeException.class, () -> read(s));
      assertFalse(e.failure().detail().contains("stream closed"), e.failure().detail());
      assertTrue(e.failure().title().endsWith("the container is not running"), e.failure().title());
    }
  }
}
