package dev.meshcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.mesh.workload.Workload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code meshcert probe --demo}: the probe against the built-in demo mesh, no cluster. */
class ProbeDemoCommandTest {

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli =
        new CommandLine(
            new ProbeCommand(
                c -> {
                  throw new AssertionError("no cluster expected");
                },
                Clock.systemUTC()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** NAMESPACE/POD of the demo pod of this workload. */
  private static String demoPod(String namespace, String workload) throws Exception {
    return DemoCluster.create(Clock.systemUTC())
        .pods(NamespaceScope.of(namespace), Cancellation.none())
        .stream()
        .filter(w -> w.workloadName().equals(workload))
        .map(Workload::ref)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aStrictDemoPodAcceptsAnotherDemoPodsIdentity() throws Exception {
    Run r =
        run(
            "--demo",
            "--target",
            demoPod("bookinfo", "reviews-v2") + ":9080",
            "--as",
            demoPod("bookinfo", "productpage-v1"),
            "--json");

    assertEquals(0, r.code(), r.err() + r.out());
    JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("STRICT", json.get("verdict").getAsString());
    assertEquals(
        "MUTUAL_TLS_ESTABLISHED",
        json.getAsJsonArray("results").get(2).getAsJsonObject().get("outcome").getAsString());
    assertTrue(json.get("identity").getAsString().contains("productpage-v1"), r.out());
  }

  @Test
  void aDemoPodPresentingAnotherServiceAccountIsAFinding() throws Exception {
    Run r =
        run(
            "--demo",
            "--target",
            demoPod("bookinfo", "details-v1") + ":9080",
            "--as",
            demoPod("bookinfo", "productpage-v1"));

    assertEquals(1, r.code(), r.err() + r.out());
    assertTrue(
        r.out()
            .contains(
                "expected SPIFFE ID spiffe://cluster.local/ns/bookinfo/sa/bookinfo-details:"
                    + " DOES NOT MATCH"),
        r.out());
  }

  @Test
  void anUnknownDemoPodIsAUsageError() {
    Run r = run("--demo", "--target", "bookinfo/nothing-here:9080");

    assertEquals(2, r.code());
    assertTrue(r.err().contains("no demo pod bookinfo/nothing-here"), r.err());
  }

  @Test
  void asWithoutDemoIsAUsageError() {
    Run r = run("--target", "localhost:443", "--as", "bookinfo/productpage");

    assertEquals(2, r.code());
    assertTrue(r.err().contains("--as needs --demo"), r.err());
  }
}
