package dev.meshcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.probe.LoopbackServer;
import dev.meshcert.probe.LoopbackServer.Mode;
import dev.meshcert.testpki.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProbeCommandTest {
  private static final String DETAILS = "spiffe://cluster.local/ns/bookinfo/sa/details";
  private static final String SLEEP = "spiffe://cluster.local/ns/default/sa/sleep";

  /** Live: the TLS peers here check validity against the system clock. */
  private final TestPki pki = TestPki.live();

  private final TestPki.Issued root = pki.root("O=cluster.local").issue();
  private final TestPki.Issued server = pki.leaf(root).uriSan(DETAILS).issue();
  private final TestPki.Issued client = pki.leaf(root).uriSan(SLEEP).issue();
  @TempDir Path dir;

  private record Run(int code, String out, String err) {
    JsonObject json() {
      return JsonParser.parseString(out).getAsJsonObject();
    }
  }

  private Run run(ProbeCommandSupport.Connector connector, String... args) {
    CommandLine cli = new CommandLine(new ProbeCommand(connector, Clock.systemUTC()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Run run(String... args) {
    return run(
        c -> {
          throw new AssertionError("no cluster expected");
        },
        args);
  }

  private String file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  private String[] identityArgs(int port) throws Exception {
    return new String[] {
      "--target", "localhost:" + port,
      "--cert", file("cert-chain.pem", client.pem() + root.pem()),
      "--key", file("key.pem", client.keyPkcs8Pem()),
      "--cacert", file("root-cert.pem", root.pem())
    };
  }

  @Test
  void aStrictServerIsExplainedStepByStepAndExitsZero() throws Exception {
    try (LoopbackServer s =
        new LoopbackServer(Mode.TLS_NEED_CLIENT_AUTH, server, List.of(), root)) {
      Run r = run(identityArgs(s.port()));
      assertEquals(0, r.code(), r.err() + r.out());
      assertTrue(r.out().contains("2. TLS without a client certificate: server requires a client"));
      assertTrue(r.out().contains("3. TLS with a workload identity: mutual TLS established"));
      assertTrue(r.out().contains("Identity: files "), r.out());
      assertTrue(r.out().contains("Repeat by hand:"));
      assertTrue(
          r.out()
              .endsWith(
                  "Verdict: "
                      + "mTLS enforced: plain text refused, a client"
                      + " certificate required"
                      + System.lineSeparator()),
          r.out());
    }
  }

  @Test
  void jsonCarriesTheVerdictEachOutcomeAndTheServerChain() throws Exception {
    try (LoopbackServer s = new LoopbackServer(Mode.PERMISSIVE, server, List.of(), root)) {
      List<String> args = new java.util.ArrayList<>(List.of(identityArgs(s.port())));
      args.add("--json");
      Run r = run(args.toArray(String[]::new));
      JsonObject j = r.json();
      assertEquals("PERMISSIVE", j.get("verdict").getAsString());
      JsonObject third = j.getAsJsonArray("results").get(2).getAsJsonObject();
      assertEquals("MUTUAL_TLS_ESTABLISHED", third.get("outcome").getAsString());
      JsonObject tls = third.getAsJsonObject("tls");
      assertEquals("VERIFIED", tls.get("serverVerification").getAsString());
      assertEquals(
          DETAILS,
          tls.getAsJsonArray("serverChain").get(0).getAsJsonObject().get("spiffeId").getAsString());
      assertEquals(200, third.getAsJsonObject("http").get("status").getAsInt());
    }
  }

  @Test
  void aServerWithAnotherSpiffeIdIsAFindingExitingOne() throws Exception {
    try (LoopbackServer s = new LoopbackServer(Mode.PERMISSIVE, server, List.of(), root)) {
      List<String> args = new java.util.ArrayList<>(List.of(identityArgs(s.port())));
      args.addAll(List.of("--expect-spiffe", "spiffe://cluster.local/ns/bookinfo/sa/reviews"));
      Run r = run(args.toArray(String[]::new));
      assertEquals(1, r.code(), r.out());
      assertTrue(r.out().contains("server certificate does not carry the expected SPIFFE ID"));
    }
  }

  @Test
  void aMintedIdentityIsPresentedAndAccepted() throws Exception {
    try (LoopbackServer s =
        new LoopbackServer(Mode.TLS_NEED_CLIENT_AUTH, server, List.of(), root)) {
      Run r =
          run(
              "--target",
              "localhost:" + s.port(),
              "--mint-ca",
              file("ca-cert.pem", root.pem()),
              "--mint-ca-key",
              file("ca-key.pem", root.keyPkcs8Pem()),
              "--spiffe-id",
              SLEEP,
              "--json");
      JsonObject third = r.json().getAsJsonArray("results").get(2).getAsJsonObject();
      assertEquals("MUTUAL_TLS_ESTABLISHED", third.get("outcome").getAsString(), r.out());
      assertTrue(r.json().get("identity").getAsString().startsWith("minted " + SLEEP));
    }
  }

  @Test
  void aKeyOfAnotherCertificateIsBadInputExitingTwo() throws Exception {
    Run r =
        run(
            "--target", "localhost:1",
            "--cert", file("cert.pem", client.pem()),
            "--key", file("key.pem", server.keyPkcs8Pem()));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("the key does not belong"), r.err());
  }

  @Test
  void aTargetWithoutAPortIsBadUsage() {
    Run r = run("--target", "details");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("meshcert probe: --target must be HOST:PORT"), r.err());
  }

  @Test
  void nothingListeningIsUnreachableExitingTwo() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Run r = run("--target", "127.0.0.1:" + port);
    assertEquals(2, r.code(), r.out());
    assertTrue(r.out().contains("nothing listening: connection refused"), r.out());
  }

  @Test
  void anInPodProbeSaysWhyTheClusterCannotBeUsed() {
    Run r =
        run(
            c -> {
              throw new KubeException(new KubeFailure.BadKubeconfig("no such context: prod"));
            },
            "--target",
            "details:9080",
            "--context",
            "prod",
            "--pod",
            "bookinfo/productpage-1");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("meshcert probe: "), r.err());
  }

  @Test
  void twoRoutesAtOnceAreBadUsage() {
    Run r = run("--target", "details:9080", "--pod", "a/b", "--port-forward", "a/b");
    assertEquals(2, r.code());
  }

  @Test
  void theCliListsProbe() {
    assertTrue(MeshCertCli.handles(new String[] {"probe", "--help"}));
  }
}
