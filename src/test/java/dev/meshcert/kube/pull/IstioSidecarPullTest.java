package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Istio sidecars through the official client against the mock: port-forward relayed to a real local
 * server that serves the real config_dump of the corpus, exec answering with real file contents,
 * and the fallbacks between them.
 */
class IstioSidecarPullTest {

  private static final String POD = "ambient/waypoint-7d8f9-abcde";
  private static final String PORT_FORWARD =
      "/api/v1/namespaces/ambient/pods/waypoint-7d8f9-abcde/portforward";
  private static final String EXEC = "/api/v1/namespaces/ambient/pods/waypoint-7d8f9-abcde/exec";

  private MockMesh mesh;
  private AdminServer envoy;

  @BeforeEach
  void start() throws Exception {
    mesh = new MockMesh();
    envoy = new AdminServer(Corpus.bytes(Corpus.SIDECAR_DUMP), false);
    mesh.seed(
        c -> {
          c.namespaces().resource(Pods.namespace("ambient")).create();
          c.pods()
              .inNamespace("ambient")
              .resource(
                  Pods.istioSidecar("ambient", "waypoint-7d8f9-abcde", "namespace-istio-waypoint"))
              .create();
        });
  }

  @AfterEach
  void stop() {
    envoy.close();
    mesh.close();
  }

  private ScanResult scan() throws Exception {
    try (ClusterSession session = mesh.session(Duration.ofSeconds(5))) {
      return new MeshCertificateScanner(TestPki.CLOCK)
          .scan(
              session,
              new ScanTarget.Pod("ambient", "waypoint-7d8f9-abcde"),
              ScanOptions.defaults(TestPki.CLOCK),
              ScanListener.none(),
              Cancellation.none());
    }
  }

  @Test
  void envoyAdminIsReadThroughPortForwardWithTheSecretsMask() throws Exception {
    mesh.forward(POD, 15000, new MockMesh.Forward.Relay(envoy.address()));

    PodPull pull = scan().pod(POD).orElseThrow();

    assertEquals(PullStatus.PULLED, pull.status());
    assertEquals(
        "port-forward :15000 GET /config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets",
        pull.strategy().orElseThrow());
    PulledChain chain = pull.pulled().orElseThrow();
    assertEquals("6fbee254c22900615cb1f74e3d2f1713", chain.leaf().orElseThrow().serialHex());
    assertEquals("193a543fe2b0d9cd4847675394dfc54", chain.roots().get(0).serialHex());
    assertEquals(
        List.of("/config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets"), envoy.paths());
    assertTrue(
        mesh.requests().contains("GET " + PORT_FORWARD + "?ports=15000"),
        mesh.requests().toString());
  }

  @Test
  void chunkedAnswerIsReadToTheEnd() throws Exception {
    try (AdminServer chunked = new AdminServer(Corpus.bytes(Corpus.SIDECAR_DUMP), true)) {
      mesh.forward(POD, 15000, new MockMesh.Forward.Relay(chunked.address()));

      PodPull pull = scan().pod(POD).orElseThrow();

      assertEquals(PullStatus.PULLED, pull.status(), pull.reason().orElse(""));
      assertEquals(1, pull.attempts().size());
    }
  }

  @Test
  void pulledChainIsJudgedAgainstThePodIdentity() throws Exception {
    mesh.forward(POD, 15000, new MockMesh.Forward.Relay(envoy.address()));

    PodVerdicts v = scan().pod(POD).orElseThrow().verdicts().orElseThrow();

    assertEquals(PodVerdicts.IdentityMatch.MATCHES, v.identityMatch());
    assertEquals(
        Optional.of("spiffe://cluster.local/ns/ambient/sa/namespace-istio-waypoint"), v.identity());
    assertEquals("ambient/namespace-istio-waypoint", v.expectedIdentity());
  }

  @Test
  void forbiddenPortForwardFallsBackToPilotAgentExec() throws Exception {
    mesh.respond(PORT_FORWARD, 403);
    List<List<String>> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
    mesh.exec(
        (ref, container, argv) -> {
          commands.add(argv);
          return Optional.of(MockMesh.ExecReply.ok(Corpus.bytes(Corpus.SIDECAR_DUMP)));
        });

    PodPull pull = scan().pod(POD).orElseThrow();

    assertEquals(PullStatus.PULLED, pull.status(), pull.reason().orElse(""));
    assertEquals(2, pull.attempts().size());
    KubeFailure.Forbidden refused =
        assertInstanceOf(
            KubeFailure.Forbidden.class, pull.attempts().get(0).failure().orElseThrow());
    assertEquals("pods/portforward", refused.operation().resource());
    assertEquals(List.of("create pods/portforward"), pull.missingPermission());
    assertEquals(
        List.of(
            List.of(
                "pilot-agent",
                "request",
                "GET",
                "config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets")),
        commands);
    assertEquals(
        "6fbee254c22900615cb1f74e3d2f1713",
        pull.pulled().orElseThrow().leaf().orElseThrow().serialHex());
  }

  @Test
  void forbiddenPortForwardAndExecFailNamingBothPermissions() throws Exception {
    mesh.respond(PORT_FORWARD, 403);
    mesh.respond(EXEC, 403);

    PodPull pull = scan().pod(POD).orElseThrow();

    assertEquals(PullStatus.FAILED, pull.status());
    assertEquals(List.of("create pods/portforward", "create pods/exec"), pull.missingPermission());
    assertTrue(
        pull.reason()
            .orElseThrow()
            .startsWith("missing permission create pods/portforward, create pods/exec"),
        pull.reason().orElseThrow());
  }

  @Test
  void droppedPortForwardFallsBackToExec() throws Exception {
    mesh.forward(POD, 15000, new MockMesh.Forward.DropAfter(envoy.address(), 300));
    mesh.exec(
        (ref, container, argv) ->
            Optional.of(MockMesh.ExecReply.ok(Corpus.bytes(Corpus.SIDECAR_DUMP))));

    PodPull pull = scan().pod(POD).orElseThrow();

    assertEquals(PullStatus.PULLED, pull.status(), pull.reason().orElse(""));
    Attempt dropped = pull.attempts().get(0);
    assertFalse(dropped.succeeded());
    assertTrue(dropped.detail().contains("dropped"), dropped.detail());
    assertTrue(pull.strategy().orElseThrow().startsWith("exec istio-proxy: pilot-agent"));
  }
}
