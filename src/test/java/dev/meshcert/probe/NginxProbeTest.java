package dev.meshcert.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walkthrough's three experiments against nginx with ssl_verify_client on, optional, off. */
class NginxProbeTest {
  /** Live: the TLS peers here check validity against the system clock. */
  private final TestPki pki = TestPki.live();

  private final TestPki.Issued root = pki.root("O=cluster.local").issue();
  private final TestPki.Issued serverCert =
      pki.leaf(root).uriSan("spiffe://cluster.local/ns/bookinfo/sa/details").issue();
  private final TestPki.Issued clientCert =
      pki.leaf(root).uriSan("spiffe://cluster.local/ns/bookinfo/sa/productpage").issue();

  @TempDir Path dir;

  private NginxServer nginx(String verifyClient) throws Exception {
    return new NginxServer(
        dir, serverCert.pem(), serverCert.keyPkcs8Pem(), root.pem(), verifyClient);
  }

  private ProbeResult probe(Experiment e, int port) {
    ClientIdentity id =
        new ClientIdentity(
            clientCert.keyPair().getPrivate(),
            List.of(LoopbackServer.x509(clientCert), LoopbackServer.x509(root)));
    return new MtlsProbe(
            e,
            ProbeTarget.of("127.0.0.1", port),
            Optional.of(id),
            List.of(LoopbackServer.x509(root)),
            Clock.systemUTC())
        .run();
  }

  @Test
  void verifyClientOnDemandsACertificateAndAcceptsTheMeshIdentity() throws Exception {
    try (NginxServer n = nginx("on")) {
      assertEquals(Outcome.PLAIN_TEXT_REFUSED, probe(Experiment.PLAIN_HTTP, n.port()).outcome());
      ProbeResult noCert = probe(Experiment.TLS_NO_CLIENT_CERT, n.port());
      // nginx completes the handshake, then answers 400 "No required SSL certificate was sent"
      assertEquals(Outcome.CLIENT_CERTIFICATE_REQUIRED, noCert.outcome(), noCert.transcriptText());
      ProbeResult mtls = probe(Experiment.TLS_WITH_IDENTITY, n.port());
      assertEquals(Outcome.MUTUAL_TLS_ESTABLISHED, mtls.outcome(), mtls.transcriptText());
      assertTrue(
          mtls.http()
              .orElseThrow()
              .header("x-forwarded-client-cert")
              .orElseThrow()
              .contains("SUCCESS"));
    }
  }

  @Test
  void verifyClientOptionalAcceptsTlsWithoutACertificate() throws Exception {
    try (NginxServer n = nginx("optional")) {
      ProbeResult noCert = probe(Experiment.TLS_NO_CLIENT_CERT, n.port());
      assertEquals(
          Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED,
          noCert.outcome(),
          noCert.transcriptText());
      assertTrue(noCert.handshake().orElseThrow().clientCertificateRequested());
      assertEquals(
          Outcome.MUTUAL_TLS_ESTABLISHED, probe(Experiment.TLS_WITH_IDENTITY, n.port()).outcome());
    }
  }

  @Test
  void verifyClientOffNeverAsksForACertificate() throws Exception {
    try (NginxServer n = nginx("off")) {
      ProbeResult withId = probe(Experiment.TLS_WITH_IDENTITY, n.port());
      assertEquals(
          Outcome.TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED,
          withId.outcome(),
          withId.transcriptText());
      assertTrue(withId.transcriptText().contains("Server did not ask for a client certificate"));
    }
  }
}
