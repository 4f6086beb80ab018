package dev.meshcert.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * curl and openssl outputs captured from real runs (curl 7.88.1, OpenSSL 3.0.19) against {@code
 * openssl s_server -Verify 1 -verify_return_error} and a plain HTTP server on loopback. Each file
 * ends with the tool's exit code ("exit=N").
 */
class ToolOutputTest {
  private static final ProbeTarget TARGET = ProbeTarget.of("127.0.0.1", 47001);

  static Stream<Arguments> curlCases() {
    return Stream.of(
        Arguments.of("plain-ok.txt", Experiment.PLAIN_HTTP, false, Outcome.PLAIN_TEXT_ACCEPTED),
        Arguments.of("plain-to-tls.txt", Experiment.PLAIN_HTTP, false, Outcome.PLAIN_TEXT_REFUSED),
        Arguments.of("refused.txt", Experiment.PLAIN_HTTP, false, Outcome.CONNECTION_REFUSED),
        Arguments.of("tls-to-plain.txt", Experiment.TLS_NO_CLIENT_CERT, false, Outcome.NOT_TLS),
        Arguments.of(
            "tls-no-cert.txt",
            Experiment.TLS_NO_CLIENT_CERT,
            false,
            Outcome.CLIENT_CERTIFICATE_REQUIRED),
        Arguments.of(
            "unknown-ca.txt",
            Experiment.TLS_WITH_IDENTITY,
            true,
            Outcome.CLIENT_CERTIFICATE_REJECTED_UNKNOWN_CA),
        Arguments.of(
            "mtls-ok.txt", Experiment.TLS_WITH_IDENTITY, true, Outcome.MUTUAL_TLS_ESTABLISHED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("curlCases")
  void classifiesCurlOutput(String file, Experiment e, boolean cert, Outcome expected)
      throws IOException {
    Captured c = read("/probe/curl/" + file);
    ProbeResult r = CurlOutput.parse(c.output, c.exit, e, TARGET, cert);
    assertEquals(expected, r.outcome(), r.transcriptText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("curlCases")
  void keepsCurlsTranscriptLines(String file, Experiment e, boolean cert, Outcome expected)
      throws IOException {
    Captured c = read("/probe/curl/" + file);
    ProbeResult r = CurlOutput.parse(c.output, c.exit, e, TARGET, cert);
    assertTrue(r.transcriptText().contains("Trying 127.0.0.1"), r.transcriptText());
  }

  @org.junit.jupiter.api.Test
  void readsTheTlsDetailsCurlPrints() throws IOException {
    Captured c = read("/probe/curl/mtls-ok.txt");
    ProbeResult r = CurlOutput.parse(c.output, c.exit, Experiment.TLS_WITH_IDENTITY, TARGET, true);
    Handshake h = r.handshake().orElseThrow();
    assertEquals("TLSv1.3", h.protocol());
    assertEquals("TLS_AES_256_GCM_SHA384", h.cipherSuite());
    assertEquals(Optional.of("http/1.1"), h.alpnChosen());
    assertTrue(h.clientCertificateRequested());
    assertEquals(200, r.http().orElseThrow().status());
  }

  @org.junit.jupiter.api.Test
  void classifiesCurlsExpiredServerCertificateApartFromAnUnknownCa() {
    String expired =
        "* Connected to 127.0.0.1 port 47001 (#0)\n"
            + "curl: (60) SSL certificate problem: certificate has expired\n";
    String unknown =
        "* Connected to 127.0.0.1 port 47001 (#0)\n"
            + "curl: (60) SSL certificate problem: unable to get local issuer certificate\n";
    assertEquals(
        Outcome.SERVER_CERTIFICATE_EXPIRED,
        CurlOutput.parse(expired, 60, Experiment.TLS_WITH_IDENTITY, TARGET, true).outcome());
    assertEquals(
        Outcome.SERVER_CERTIFICATE_UNTRUSTED,
        CurlOutput.parse(unknown, 60, Experiment.TLS_WITH_IDENTITY, TARGET, true).outcome());
  }

  @org.junit.jupiter.api.Test
  void classifiesTheWalkthroughsResetWithoutCertificate() {
    String walkthrough =
        "* Connected to details port 9080 (#0)\ncurl: (16) SSL_write() returned SYSCALL, errno = 104\n";
    assertEquals(
        Outcome.CLIENT_CERTIFICATE_REQUIRED,
        CurlOutput.parse(walkthrough, 16, Experiment.TLS_NO_CLIENT_CERT, TARGET, false).outcome());
  }

  @org.junit.jupiter.api.Test
  void readsOpensslWhenTheServerDemandsACertificate() throws IOException {
    Captured c = read("/probe/openssl/s_client-no-cert.txt");
    ProbeResult r =
        OpensslOutput.parse(c.output, c.exit, Experiment.TLS_NO_CLIENT_CERT, TARGET, false);
    assertEquals(Outcome.CLIENT_CERTIFICATE_REQUIRED, r.outcome(), r.transcriptText());
    Handshake h = r.handshake().orElseThrow();
    assertEquals(List.of("O = cluster.local"), h.acceptedIssuers());
    assertEquals(
        Optional.of("spiffe://cluster.local/ns/bookinfo/sa/details"),
        h.serverChain().get(0).spiffeUri());
    assertEquals(Handshake.ServerVerification.Status.VERIFIED, h.verification().status());
  }

  @org.junit.jupiter.api.Test
  void readsOpensslMutualTls() throws IOException {
    Captured c = read("/probe/openssl/s_client-mtls-ok.txt");
    ProbeResult r =
        OpensslOutput.parse(c.output, c.exit, Experiment.TLS_WITH_IDENTITY, TARGET, true);
    assertEquals(Outcome.MUTUAL_TLS_ESTABLISHED, r.outcome(), r.transcriptText());
    assertEquals("TLSv1.3", r.handshake().orElseThrow().protocol());
  }

  @org.junit.jupiter.api.Test
  void readsOpensslAgainstAPlainServer() throws IOException {
    Captured c = read("/probe/openssl/s_client-not-tls.txt");
    assertEquals(
        Outcome.NOT_TLS,
        OpensslOutput.parse(c.output, c.exit, Experiment.TLS_NO_CLIENT_CERT, TARGET, false)
            .outcome());
  }

  private record Captured(String output, int exit) {}

  private static Captured read(String resource) throws IOException {
    try (InputStream in = ToolOutputTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int at = text.lastIndexOf("exit=");
      return new Captured(text.substring(0, at), Integer.parseInt(text.substring(at + 5).trim()));
    }
  }
}
