package dev.meshcert.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes against a real {@code openssl s_server -Verify} on loopback (CI installs openssl). */
class OpensslServerProbeTest {
  /** Live: the TLS peers here check validity against the system clock. */
  private final TestPki pki = TestPki.live();

  private final TestPki.Issued root = pki.root("O=cluster.local").issue();
  private final TestPki.Issued serverCert =
      pki.leaf(root).uriSan("spiffe://cluster.local/ns/bookinfo/sa/details").issue();
  private final TestPki.Issued clientCert =
      pki.leaf(root).uriSan("spiffe://cluster.local/ns/bookinfo/sa/productpage").issue();
  private final TestPki.Issued otherRoot = pki.root("O=other.mesh").issue();
  private final TestPki.Issued strangerCert =
      pki.leaf(otherRoot).uriSan("spiffe://other.mesh/ns/x/sa/y").issue();

  @TempDir Path dir;
  private Process server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.destroy();
      server.waitFor(5, TimeUnit.SECONDS);
    }
  }

  private int start() throws Exception {
    Files.writeString(dir.resolve("cert.pem"), serverCert.pem());
    Files.writeString(dir.resolve("key.pem"), serverCert.keyPkcs8Pem());
    Files.writeString(dir.resolve("root.pem"), root.pem());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server =
        new ProcessBuilder(
                "openssl",
                "s_server",
                "-accept",
                "127.0.0.1:" + port,
                "-Verify",
                "1",
                "-cert",
                dir.resolve("cert.pem").toString(),
                "-key",
                dir.resolve("key.pem").toString(),
                "-CAfile",
                dir.resolve("root.pem").toString(),
                "-verify_return_error",
                "-alpn",
                "http/1.1",
                "-www")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null && !line.contains("ACCEPT")) {
      seen.append(line).append('\n');
    }
    if (line == null) {
      throw new IllegalStateException("openssl s_server did not start:\n" + seen);
    }
    Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
    drain.setDaemon(true);
    drain.start();
    return port;
  }

  private ProbeResult probe(
      Experiment e, int port, TestPki.Issued identity, TestPki.Issued chainRoot) {
    Optional<ClientIdentity> id =
        Optional.ofNullable(identity)
            .map(
                i ->
                    new ClientIdentity(
                        i.keyPair().getPrivate(),
                        List.of(LoopbackServer.x509(i), LoopbackServer.x509(chainRoot))));
    return new MtlsProbe(
            e,
            ProbeTarget.of("127.0.0.1", port),
            id,
            List.of(LoopbackServer.x509(root)),
            Clock.systemUTC())
        .run();
  }

  @Test
  void withoutAClientCertificateOpensslDemandsOne() throws Exception {
    int port = start();
    ProbeResult r = probe(Experiment.TLS_NO_CLIENT_CERT, port, null, null);
    assertEquals(Outcome.CLIENT_CERTIFICATE_REQUIRED, r.outcome(), r.transcriptText());
  }

  @Test
  void withTheMeshIdentityOpensslAnswers() throws Exception {
    int port = start();
    ProbeResult r = probe(Experiment.TLS_WITH_IDENTITY, port, clientCert, root);
    assertEquals(Outcome.MUTUAL_TLS_ESTABLISHED, r.outcome(), r.transcriptText());
    assertEquals(200, r.http().orElseThrow().status());
    assertTrue(
        r.transcriptText().contains("SPIFFE ID: spiffe://cluster.local/ns/bookinfo/sa/details"));
  }

  @Test
  void anIdentityFromAnotherMeshIsRejectedAsUnknownCa() throws Exception {
    int port = start();
    ProbeResult r = probe(Experiment.TLS_WITH_IDENTITY, port, strangerCert, otherRoot);
    assertEquals(Outcome.CLIENT_CERTIFICATE_REJECTED_UNKNOWN_CA, r.outcome(), r.transcriptText());
    assertTrue(
        r.transcriptText().contains("TLS alert from server: unknown_ca"), r.transcriptText());
  }

  @Test
  void plainTextToOpensslIsRefused() throws Exception {
    int port = start();
    ProbeResult r = probe(Experiment.PLAIN_HTTP, port, null, null);
    assertEquals(Outcome.PLAIN_TEXT_REFUSED, r.outcome(), r.transcriptText());
  }
}
