package dev.meshcert.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.kube.demo.DemoEndpoints;
import dev.meshcert.mesh.workload.Workload;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo mesh's loopback servers, probed for real with the demo's own identities. */
class DemoMeshServersTest {
  private final DemoCluster cluster = DemoCluster.create(Clock.systemUTC());
  private final DemoEndpoints endpoints = cluster.endpoints();
  private final DemoMeshServers servers = new DemoMeshServers(cluster);

  @AfterEach
  void close() {
    servers.close();
  }

  private Workload pod(String prefix) throws Exception {
    return cluster.pods(NamespaceScope.all(), Cancellation.none()).stream()
        .filter(p -> p.ref().startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  private ProbeMatrix.Result probe(String target, int port, Optional<String> expect)
      throws Exception {
    InetSocketAddress a = servers.address(pod(target), port).orElseThrow();
    Workload source = pod("bookinfo/productpage");
    DemoEndpoints.DemoIdentity id = endpoints.identity(source).orElseThrow();
    ProbeTarget t =
        new ProbeTarget(
            a.getHostString(),
            a.getPort(),
            Optional.empty(),
            "/headers",
            expect,
            Duration.ofSeconds(3),
            Duration.ofSeconds(5));
    return ProbeMatrix.run(
        t,
        Optional.of(new ClientIdentity(id.key(), id.chain())),
        endpoints.roots(),
        Clock.systemUTC());
  }

  private static List<Outcome> outcomes(ProbeMatrix.Result r) {
    return r.results().stream().map(ProbeResult::outcome).toList();
  }

  @Test
  void aStrictSidecarDemandsAClientCertificateAndTakesTheMeshIdentity() throws Exception {
    ProbeMatrix.Result r = probe("bookinfo/reviews-v1", 9080, Optional.empty());
    assertEquals(
        List.of(
            Outcome.PLAIN_TEXT_REFUSED,
            Outcome.CLIENT_CERTIFICATE_REQUIRED,
            Outcome.MUTUAL_TLS_ESTABLISHED),
        outcomes(r),
        r.results().get(2).transcriptText());
    assertEquals(ProbeMatrix.Verdict.STRICT, r.verdict());
  }

  @Test
  void thePortLevelPermissiveExceptionTakesPlainText() throws Exception {
    assertEquals(
        ProbeMatrix.Verdict.PERMISSIVE,
        probe("bookinfo/productpage", 9080, Optional.empty()).verdict());
  }

  @Test
  void aPodWithoutSidecarSpeaksPlainHttpOnly() throws Exception {
    assertEquals(
        ProbeMatrix.Verdict.PLAIN_TEXT_ONLY,
        probe("legacy/batch-reporter", 8080, Optional.empty()).verdict());
  }

  @Test
  void theCertManagerWorkloadTerminatesTlsWithAnotherCaThanTheMeshs() throws Exception {
    ProbeMatrix.Result r = probe("default/payments-api", 8443, Optional.empty());
    assertEquals(
        List.of(
            Outcome.PLAIN_TEXT_REFUSED,
            Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED,
            Outcome.SERVER_CERTIFICATE_UNTRUSTED),
        outcomes(r));
  }

  @Test
  void detailsPresentsAnotherServiceAccountsIdentity() throws Exception {
    ProbeMatrix.Result r =
        probe(
            "bookinfo/details",
            9080,
            Optional.of("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-details"));
    assertEquals(Outcome.SERVER_IDENTITY_MISMATCH, r.results().get(2).outcome());
  }

  @Test
  void ratingsServesAnExpiredCertificate() throws Exception {
    ProbeMatrix.Result r = probe("bookinfo/ratings", 9080, Optional.empty());
    assertEquals(Outcome.SERVER_CERTIFICATE_EXPIRED, r.results().get(2).outcome());
  }

  @Test
  void theServerEchoesTheClientIdentityItsProxySaw() throws Exception {
    ProbeMatrix.Result r = probe("bookinfo/reviews-v1", 9080, Optional.empty());
    String body = r.results().get(2).http().orElseThrow().bodyPreview();
    ForwardedClientCert x = ForwardedClientCert.findInBody(body).orElseThrow();
    assertEquals(
        Optional.of("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage"), x.clientUri());
    assertEquals(Optional.of("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews"), x.by());
  }

  @Test
  void serversStartOnFirstUseStopOnCloseAndStartAgainWhenUsed() throws Exception {
    assertEquals(0, servers.runningCount());
    servers.address(pod("bookinfo/reviews-v1"), 9080).orElseThrow();
    assertEquals(1, servers.runningCount());
    servers.close();
    assertEquals(0, servers.runningCount());
    assertEquals(
        ProbeMatrix.Verdict.STRICT, probe("bookinfo/reviews-v1", 9080, Optional.empty()).verdict());
    assertEquals(1, servers.runningCount());
  }

  @Test
  void aPortThePodDoesNotDeclareIsNotServed() throws Exception {
    assertEquals(Optional.empty(), servers.address(pod("bookinfo/reviews-v1"), 15000));
    assertEquals(Optional.empty(), servers.address(pod("istio-system/istiod"), 15012));
  }

  @Test
  void theIstioCaMintsIdentitiesTheStrictServersAccept() throws Exception {
    DemoEndpoints.DemoIdentity ca = endpoints.istioCa();
    ClientIdentity minted =
        IdentityMint.mint(
            ca.chain(),
            ca.key(),
            "spiffe://cluster.local/ns/default/sa/sleep",
            Duration.ofMinutes(5),
            Clock.systemUTC());
    InetSocketAddress a = servers.address(pod("bookinfo/reviews-v1"), 9080).orElseThrow();
    ProbeResult r =
        new MtlsProbe(
                Experiment.TLS_WITH_IDENTITY,
                ProbeTarget.of(a.getHostString(), a.getPort()),
                Optional.of(minted),
                endpoints.roots(),
                Clock.systemUTC())
            .run();
    assertEquals(Outcome.MUTUAL_TLS_ESTABLISHED, r.outcome(), r.transcriptText());
  }
}
