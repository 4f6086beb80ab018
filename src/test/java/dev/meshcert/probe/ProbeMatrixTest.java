package dev.meshcert.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meshcert.probe.LoopbackServer.Mode;
import dev.meshcert.testpki.TestPki;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeMatrixTest {
  /** Live: the TLS peers here check validity against the system clock. */
  private final TestPki pki = TestPki.live();

  private final TestPki.Issued root = pki.root("O=cluster.local").issue();
  private final TestPki.Issued server =
      pki.leaf(root).uriSan("spiffe://cluster.local/ns/bookinfo/sa/details").issue();
  private final TestPki.Issued client =
      pki.leaf(root).uriSan("spiffe://cluster.local/ns/bookinfo/sa/productpage").issue();

  private ProbeMatrix.Verdict verdictAgainst(Mode mode) throws Exception {
    try (LoopbackServer s = new LoopbackServer(mode, server, List.of(), root)) {
      ClientIdentity id =
          new ClientIdentity(
              client.keyPair().getPrivate(),
              List.of(LoopbackServer.x509(client), LoopbackServer.x509(root)));
      return ProbeMatrix.run(
              ProbeTarget.of("localhost", s.port()),
              Optional.of(id),
              List.of(LoopbackServer.x509(root)),
              Clock.systemUTC())
          .verdict();
    }
  }

  @Test
  void aServerDemandingClientCertificatesIsStrict() throws Exception {
    assertEquals(ProbeMatrix.Verdict.STRICT, verdictAgainst(Mode.TLS_NEED_CLIENT_AUTH));
  }

  @Test
  void aServerTakingBothIsPermissive() throws Exception {
    assertEquals(ProbeMatrix.Verdict.PERMISSIVE, verdictAgainst(Mode.PERMISSIVE));
  }

  @Test
  void aPlainServerHasNoTls() throws Exception {
    assertEquals(ProbeMatrix.Verdict.PLAIN_TEXT_ONLY, verdictAgainst(Mode.PLAIN));
  }

  @Test
  void aServerNotAskingForCertificatesHasNoClientAuth() throws Exception {
    assertEquals(
        ProbeMatrix.Verdict.TLS_WITHOUT_CLIENT_AUTH, verdictAgainst(Mode.TLS_NO_CLIENT_AUTH));
  }
}
