package dev.meshcert.kube.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterSession;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Linkerd: port-forward to the proxy's admin port, relayed by the mock to a real TLS server on
 * loopback with a Linkerd-style chain; the handshake names the proxy's identity.
 */
class LinkerdPullTest {

  private static final String IDENTITY =
      "web.emojivoto.serviceaccount.identity.linkerd.cluster.local";
  private final TestPki pki = new TestPki();
  private final TestPki.Issued anchor = pki.root("CN=root.linkerd.cluster.local").issue();
  private final TestPki.Issued issuer =
      pki.intermediate(anchor, "CN=identity.linkerd.cluster.local").issue();
  private final TestPki.Issued leaf =
      pki.leaf(issuer).subject("CN=" + IDENTITY).dnsSan(IDENTITY).issue();
  private MockMesh mesh;
  private LinkerdProxyServer proxy;

  @BeforeEach
  void start() throws Exception {
    mesh = new MockMesh();
    proxy = new LinkerdProxyServer(leaf, issuer);
    mesh.seed(
        c -> {
          c.namespaces().resource(Pods.namespace("emojivoto")).create();
          c.namespaces().resource(Pods.namespace("linkerd")).create();
          c.pods()
              .inNamespace("emojivoto")
              .resource(Pods.linkerd("emojivoto", "web-5f86686c4d-58p7k", "web", anchor.pem()))
              .create();
          c.configMaps()
              .inNamespace("linkerd")
              .resource(
                  Pods.configMap(
                      "linkerd", "linkerd-identity-trust-roots", "ca-bundle.crt", anchor.pem()))
              .create();
        });
    mesh.forward(
        "emojivoto/web-5f86686c4d-58p7k", 4191, new MockMesh.Forward.Relay(proxy.address()));
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    mesh.close();
  }

  private ScanResult scan() throws Exception {
    try (ClusterSession session = mesh.session(Duration.ofSeconds(5))) {
      return new MeshCertificateScanner(TestPki.CLOCK, new dev.meshcert.probe.StreamHandshake())
          .scan(
              session,
              new ScanTarget.Namespace("emojivoto"),
              ScanOptions.defaults(TestPki.CLOCK),
              ScanListener.none(),
              Cancellation.none());
    }
  }

  @Test
  void handshakeNamesTheIdentityWithItsVariablesFilled() throws Exception {
    PodPull pull = scan().pod("emojivoto/web-5f86686c4d-58p7k").orElseThrow();

    assertEquals(PullStatus.PULLED, pull.status(), pull.reason().orElse(""));
    assertEquals(List.of(IDENTITY), proxy.serverNames());
    assertTrue(
        mesh.requests()
            .contains(
                "GET /api/v1/namespaces/emojivoto/pods/web-5f86686c4d-58p7k/portforward?ports=4191"));
  }

  @Test
  void peerChainAndProxyAnchorsAreRecorded() throws Exception {
    PulledChain chain =
        scan().pod("emojivoto/web-5f86686c4d-58p7k").orElseThrow().pulled().orElseThrow();

    assertEquals(
        List.of(leaf.facts().sha256(), issuer.facts().sha256()),
        chain.chain().stream().map(c -> c.sha256()).toList());
    assertEquals(
        List.of(anchor.facts().sha256()), chain.roots().stream().map(c -> c.sha256()).toList());
  }

  @Test
  void chainVerifiesToTheTrustRootsConfigMap() throws Exception {
    ScanResult result = scan();
    PodVerdicts v =
        result.pod("emojivoto/web-5f86686c4d-58p7k").orElseThrow().verdicts().orElseThrow();

    assertEquals(PodVerdicts.RootMatch.VERIFIES, v.meshRoot());
    assertEquals(PodVerdicts.IdentityMatch.MATCHES, v.identityMatch());
    assertEquals(anchor.facts().sha256(), v.verifiedRoot().orElseThrow().sha256());
    assertEquals(java.util.Optional.of(true), v.heldRootsMatchMesh());
    assertEquals(MeshRoot.Kind.LINKERD_TRUST_ROOTS, result.roots().get(0).kind());
  }
}
