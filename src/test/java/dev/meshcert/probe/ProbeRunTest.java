package dev.meshcert.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The matrix over each route, with the route and identity named in every transcript. */
class ProbeRunTest {
  private static final ProbeTarget DETAILS = ProbeTarget.of("details", 9080);

  private static PodCommandRunner.Result captured(String resource) throws IOException {
    try (InputStream in = ProbeRunTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int at = text.lastIndexOf("exit=");
      return new PodCommandRunner.Result(
          Integer.parseInt(text.substring(at + 5).trim()), "", text.substring(0, at));
    }
  }

  @Test
  void inPodMatrixReadsTheWalkthroughsThreeResults() throws Exception {
    List<List<String>> ran = new ArrayList<>();
    PodCommandRunner runner =
        (ns, pod, container, command, timeout) -> {
          ran.add(command);
          String url = command.get(command.size() - 1);
          if (url.startsWith("http://")) {
            return captured("/probe/curl/plain-to-tls.txt");
          }
          return command.contains("--cert")
              ? captured("/probe/curl/mtls-ok.txt")
              : captured("/probe/curl/tls-no-cert.txt");
        };
    ProbeRoute route =
        new ProbeRoute.InPod(
            c -> runner,
            "bookinfo",
            "productpage-v1-abc",
            "istio-proxy",
            InPodProbe.Tool.CURL,
            DETAILS,
            Optional.of(InPodProbe.IdentityFiles.ISTIO_LEGACY));
    ProbeMatrix.Result m = new ProbeRun(route, ProbeIdentity.none(), Clock.systemUTC()).run();
    assertEquals(
        List.of(
            Outcome.PLAIN_TEXT_REFUSED,
            Outcome.CLIENT_CERTIFICATE_REQUIRED,
            Outcome.MUTUAL_TLS_ESTABLISHED),
        m.results().stream().map(ProbeResult::outcome).toList());
    assertEquals(ProbeMatrix.Verdict.STRICT, m.verdict());
    assertEquals(3, ran.size());
    assertTrue(
        m.results().get(0).transcript().get(0).text().startsWith("From inside bookinfo/"),
        m.results().get(0).transcriptText());
  }

  @Test
  void aCancelledRunReportsEveryExperimentAsCancelled() throws Exception {
    ProbeRun run =
        new ProbeRun(
            new ProbeRoute.Direct(ProbeTarget.of("localhost", 9)),
            ProbeIdentity.none(),
            Clock.systemUTC());
    run.cancel();
    ProbeMatrix.Result m = run.run();
    assertEquals(
        List.of(Outcome.CANCELLED, Outcome.CANCELLED, Outcome.CANCELLED),
        m.results().stream().map(ProbeResult::outcome).toList());
  }

  @Test
  void theIdentityIsNamedOnTheThirdExperimentOnly() throws Exception {
    ProbeRun run =
        new ProbeRun(
            new ProbeRoute.Direct(ProbeTarget.of("localhost", 9)),
            new ProbeIdentity(Optional.empty(), List.of(), "minted spiffe://x/ns/a/sa/b"),
            Clock.systemUTC());
    run.cancel();
    ProbeMatrix.Result m = run.run();
    assertTrue(m.results().get(2).transcriptText().contains("Identity: minted spiffe://x"));
    assertTrue(!m.results().get(0).transcriptText().contains("Identity:"));
  }

  @Test
  void forwardedClientCertNamesTheClientAndTheServer() {
    ForwardedClientCert x =
        ForwardedClientCert.parse(
            "By=spiffe://cluster.local/ns/foo/sa/httpbin;Hash=ab12;Subject=\"\";"
                + "URI=spiffe://cluster.local/ns/foo/sa/sleep");
    assertEquals(Optional.of("spiffe://cluster.local/ns/foo/sa/sleep"), x.clientUri());
    assertEquals(Optional.of("spiffe://cluster.local/ns/foo/sa/httpbin"), x.by());
  }

  @Test
  void forwardedClientCertIsFoundInAnHttpbinHeadersEcho() {
    String body =
        "{\n  \"headers\": {\n    \"X-Forwarded-Client-Cert\": \"By=spiffe://a/ns/b/sa/c;"
            + "Hash=1;Subject=\\\"\\\";URI=spiffe://a/ns/d/sa/e\"\n  }\n}\n";
    assertEquals(
        Optional.of("spiffe://a/ns/d/sa/e"),
        ForwardedClientCert.findInBody(body).flatMap(ForwardedClientCert::clientUri));
  }

  @Test
  void aBodyWithoutTheHeaderHasNoForwardedClientCert() {
    assertEquals(Optional.empty(), ForwardedClientCert.findInBody("{\"headers\": {}}"));
  }

  @Test
  void theReproduceCommandSendsTheServerNameWhileConnectingToTheAddress() {
    ProbeTarget t =
        new ProbeTarget(
            "127.0.0.1",
            40123,
            Optional.of("details.bookinfo"),
            "/",
            Optional.empty(),
            java.time.Duration.ofSeconds(3),
            java.time.Duration.ofSeconds(5));
    assertEquals(
        "curl -v -k --connect-to details.bookinfo:40123:127.0.0.1:40123"
            + " https://details.bookinfo:40123/\nopenssl s_client -connect 127.0.0.1:40123"
            + " -servername details.bookinfo -alpn http/1.1 </dev/null",
        Reproduce.command(Experiment.TLS_NO_CLIENT_CERT, t));
  }

  @Test
  void theReproduceCommandIsTheWalkthroughsWhenTheHostIsTheName() {
    assertEquals(
        "curl -v -k --key key.pem --cert cert-chain.pem --cacert root-cert.pem"
            + " https://details:9080/\nopenssl s_client -connect details:9080 -servername details"
            + " -cert cert-chain.pem -key key.pem -CAfile root-cert.pem -alpn http/1.1 </dev/null",
        Reproduce.command(Experiment.TLS_WITH_IDENTITY, DETAILS));
  }
}
