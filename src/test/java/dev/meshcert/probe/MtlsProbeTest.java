package dev.meshcert.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.probe.Handshake.ServerVerification.Status;
import dev.meshcert.probe.LoopbackServer.Mode;
import dev.meshcert.testpki.TestPki;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MtlsProbeTest {
  private static final String SERVER_ID = "spiffe://cluster.local/ns/bookinfo/sa/bookinfo-details";
  private static final String CLIENT_ID = "spiffe://cluster.local/ns/bookinfo/sa/productpage";

  /** Live: the TLS peers here check validity against the system clock. */
  private final TestPki pki = TestPki.live();

  private final TestPki.Issued root = pki.root("O=cluster.local").issue();
  private final TestPki.Issued serverCert = pki.leaf(root).uriSan(SERVER_ID).issue();
  private final TestPki.Issued clientCert = pki.leaf(root).uriSan(CLIENT_ID).issue();
  private final TestPki.Issued otherRoot = pki.root("O=other.mesh").issue();
  private final TestPki.Issued strangerCert =
      pki.leaf(otherRoot).uriSan("spiffe://other.mesh/ns/x/sa/y").issue();

  private LoopbackServer server(Mode mode) throws Exception {
    return new LoopbackServer(mode, serverCert, List.of(), root);
  }

  private ProbeResult probe(
      Experiment e, int port, TestPki.Issued identity, List<TestPki.Issued> roots) {
    return probe(e, ProbeTarget.of("localhost", port), identity, roots);
  }

  private ProbeResult probe(
      Experiment e, ProbeTarget target, TestPki.Issued identity, List<TestPki.Issued> roots) {
    Optional<ClientIdentity> id =
        Optional.ofNullable(identity)
            .map(
                i ->
                    new ClientIdentity(
                        i.keyPair().getPrivate(),
                        List.of(LoopbackServer.x509(i), LoopbackServer.x509(root))));
    List<X509Certificate> anchors = roots.stream().map(LoopbackServer::x509).toList();
    return new MtlsProbe(e, target, id, anchors, Clock.systemUTC()).run();
  }

  @Test
  void plainTextToAPlainServerIsAccepted() throws Exception {
    try (LoopbackServer s = server(Mode.PLAIN)) {
      ProbeResult r = probe(Experiment.PLAIN_HTTP, s.port(), null, List.of());
      assertEquals(Outcome.PLAIN_TEXT_ACCEPTED, r.outcome(), r.transcriptText());
      assertEquals(200, r.http().orElseThrow().status());
      assertTrue(r.transcriptText().contains("> GET / HTTP/1.1"));
      assertTrue(r.transcriptText().contains("< HTTP/1.1 200 OK"));
    }
  }

  @Test
  void plainTextToAStrictServerIsRefused() throws Exception {
    try (LoopbackServer s = server(Mode.TLS_NEED_CLIENT_AUTH)) {
      ProbeResult r = probe(Experiment.PLAIN_HTTP, s.port(), null, List.of());
      assertEquals(Outcome.PLAIN_TEXT_REFUSED, r.outcome(), r.transcriptText());
    }
  }

  @Test
  void tlsWithoutCertificateToAStrictServerIsToldACertificateIsRequired() throws Exception {
    try (LoopbackServer s = server(Mode.TLS_NEED_CLIENT_AUTH)) {
      ProbeResult r = probe(Experiment.TLS_NO_CLIENT_CERT, s.port(), null, List.of());
      assertEquals(Outcome.CLIENT_CERTIFICATE_REQUIRED, r.outcome(), r.transcriptText());
      assertTrue(r.handshake().orElseThrow().clientCertificateRequested());
      assertTrue(r.transcriptText().contains("accepted CAs: O=cluster.local"), r.transcriptText());
    }
  }

  @Test
  void tlsWithTheWorkloadIdentityEstablishesMutualTls() throws Exception {
    try (LoopbackServer s = server(Mode.TLS_NEED_CLIENT_AUTH)) {
      ProbeResult r = probe(Experiment.TLS_WITH_IDENTITY, s.port(), clientCert, List.of(root));
      assertEquals(Outcome.MUTUAL_TLS_ESTABLISHED, r.outcome(), r.transcriptText());
      Handshake h = r.handshake().orElseThrow();
      assertEquals(Status.VERIFIED, h.verification().status());
      assertEquals(Optional.of("http/1.1"), h.alpnChosen());
      assertTrue(h.clientCertificateSent());
      assertEquals(Optional.of(SERVER_ID), h.serverChain().get(0).spiffeUri());
      assertTrue(
          r.http()
              .orElseThrow()
              .header("x-forwarded-client-cert")
              .orElseThrow()
              .contains(CLIENT_ID));
    }
  }

  @Test
  void serverVerificationIsReportedAsSkippedWithoutARoot() throws Exception {
    try (LoopbackServer s = server(Mode.TLS_NO_CLIENT_AUTH)) {
      ProbeResult r = probe(Experiment.TLS_NO_CLIENT_CERT, s.port(), null, List.of());
      assertEquals(
          Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED, r.outcome(), r.transcriptText());
      assertEquals(Status.SKIPPED, r.handshake().orElseThrow().verification().status());
      assertTrue(r.transcriptText().contains("verification SKIPPED"));
    }
  }

  @Test
  void aServerChainFromAnotherRootIsUntrusted() throws Exception {
    try (LoopbackServer s = server(Mode.TLS_NEED_CLIENT_AUTH)) {
      ProbeResult r = probe(Experiment.TLS_WITH_IDENTITY, s.port(), clientCert, List.of(otherRoot));
      assertEquals(Outcome.SERVER_CERTIFICATE_UNTRUSTED, r.outcome(), r.transcriptText());
      assertEquals(Status.FAILED, r.handshake().orElseThrow().verification().status());
    }
  }

  @Test
  void anExpiredServerCertificateIsReportedAsExpiredNotAsAnotherCa() throws Exception {
    Instant expiredAt = pki.now().minus(Duration.ofDays(1));
    TestPki.Issued expired =
        pki.leaf(root)
            .uriSan(SERVER_ID)
            .validity(expiredAt.minus(Duration.ofDays(1)), expiredAt)
            .issue();
    try (LoopbackServer s =
        new LoopbackServer(Mode.TLS_NEED_CLIENT_AUTH, expired, List.of(), root)) {
      ProbeResult r = probe(Experiment.TLS_WITH_IDENTITY, s.port(), clientCert, List.of(root));
      assertEquals(Outcome.SERVER_CERTIFICATE_EXPIRED, r.outcome(), r.transcriptText());
      assertEquals(Status.EXPIRED, r.handshake().orElseThrow().verification().status());
      assertTrue(
          r.transcriptText().contains("the server's certificate expired at " + expiredAt),
          r.transcriptText());
    }
  }

  @Test
  void anUnexpectedServerIdentityIsAMismatch() throws Exception {
    try (LoopbackServer s = server(Mode.TLS_NEED_CLIENT_AUTH)) {
      ProbeTarget t =
          new ProbeTarget(
              "localhost",
              s.port(),
              Optional.empty(),
              "/",
              Optional.of("spiffe://cluster.local/ns/bookinfo/sa/reviews"),
              Duration.ofSeconds(3),
              Duration.ofSeconds(5));
      ProbeResult r = probe(Experiment.TLS_WITH_IDENTITY, t, clientCert, List.of(root));
      assertEquals(Outcome.SERVER_IDENTITY_MISMATCH, r.outcome(), r.transcriptText());
      assertTrue(r.transcriptText().contains("DOES NOT MATCH"));
    }
  }

  @Test
  void aClientCertificateFromAnotherMeshIsRejected() throws Exception {
    try (LoopbackServer s = server(Mode.TLS_NEED_CLIENT_AUTH)) {
      Optional<ClientIdentity> id =
          Optional.of(
              new ClientIdentity(
                  strangerCert.keyPair().getPrivate(), List.of(LoopbackServer.x509(strangerCert))));
      ProbeResult r =
          new MtlsProbe(
                  Experiment.TLS_WITH_IDENTITY,
                  ProbeTarget.of("localhost", s.port()),
                  id,
                  List.of(),
                  Clock.systemUTC())
              .run();
      assertTrue(
          r.outcome() == Outcome.CLIENT_CERTIFICATE_REJECTED
              || r.outcome() == Outcome.CLIENT_CERTIFICATE_REJECTED_UNKNOWN_CA,
          r.outcome() + "\n" + r.transcriptText());
    }
  }

  @Test
  void tlsToAPlainServerSaysTheServerIsNotTls() throws Exception {
    try (LoopbackServer s = server(Mode.PLAIN)) {
      ProbeResult r = probe(Experiment.TLS_NO_CLIENT_CERT, s.port(), null, List.of());
      assertEquals(Outcome.NOT_TLS, r.outcome(), r.transcriptText());
    }
  }

  @Test
  void aPermissiveServerAcceptsPlainTextAndTlsOnOnePort() throws Exception {
    try (LoopbackServer s = server(Mode.PERMISSIVE)) {
      assertEquals(
          Outcome.PLAIN_TEXT_ACCEPTED,
          probe(Experiment.PLAIN_HTTP, s.port(), null, List.of()).outcome());
      assertEquals(
          Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED,
          probe(Experiment.TLS_NO_CLIENT_CERT, s.port(), null, List.of()).outcome());
      assertEquals(
          Outcome.MUTUAL_TLS_ESTABLISHED,
          probe(Experiment.TLS_WITH_IDENTITY, s.port(), clientCert, List.of(root)).outcome());
    }
  }

  @Test
  void aClosedPortIsConnectionRefused() throws Exception {
    int port;
    try (ServerSocket ss = new ServerSocket(0)) {
      port = ss.getLocalPort();
    }
    ProbeResult r = probe(Experiment.PLAIN_HTTP, port, null, List.of());
    assertEquals(Outcome.CONNECTION_REFUSED, r.outcome(), r.transcriptText());
    assertEquals("curl -v http://localhost:" + port + "/", r.reproduce());
  }

  @Test
  void aSilentServerTimesOutOnRead() throws Exception {
    try (LoopbackServer s = server(Mode.SILENT)) {
      ProbeTarget t =
          new ProbeTarget(
              "localhost",
              s.port(),
              Optional.empty(),
              "/",
              Optional.empty(),
              Duration.ofSeconds(2),
              Duration.ofMillis(300));
      ProbeResult r = probe(Experiment.TLS_NO_CLIENT_CERT, t, null, List.of());
      assertEquals(Outcome.READ_TIMEOUT, r.outcome(), r.transcriptText());
    }
  }

  @Test
  void aProbeCanBeCancelled() throws Exception {
    try (LoopbackServer s = server(Mode.SILENT)) {
      ProbeTarget t =
          new ProbeTarget(
              "localhost",
              s.port(),
              Optional.empty(),
              "/",
              Optional.empty(),
              Duration.ofSeconds(2),
              Duration.ofSeconds(30));
      MtlsProbe p =
          new MtlsProbe(Experiment.PLAIN_HTTP, t, Optional.empty(), List.of(), Clock.systemUTC());
      CompletableFuture<ProbeResult> f = CompletableFuture.supplyAsync(p::run);
      while (!f.isDone() && !Thread.currentThread().isInterrupted()) {
        p.cancel();
        try {
          f.get(50, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          // keep cancelling until the run has a socket to close
        }
      }
      assertEquals(Outcome.CANCELLED, f.get().outcome());
    }
  }

  @Test
  void theIdentityNeverAppearsInItsTextForm() {
    ClientIdentity id =
        new ClientIdentity(
            clientCert.keyPair().getPrivate(), List.of(LoopbackServer.x509(clientCert)));
    assertTrue(id.toString().contains("[redacted]"));
    assertFalse(id.toString().contains("PRIVATE"));
  }
}
