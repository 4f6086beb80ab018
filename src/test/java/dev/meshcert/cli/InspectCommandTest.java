package dev.meshcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.meshcert.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

  private static final String SPIFFE = "spiffe://cluster.local/ns/default/sa/web";

  private final TestPki pki = new TestPki();
  private final TestPki.Issued root = pki.root("O=cluster.local").issue();
  private final TestPki.Issued leaf = pki.leaf(root).uriSan(SPIFFE).issue();

  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void jsonHasTheRequiredFieldsOfEachCertificate() throws Exception {
    Path bundle = write("bundle.pem", leaf.pem() + root.pem());

    JsonObject c =
        CliRun.run("inspect", "--json", bundle.toString()).certificate(sha256(leaf.der()));

    assertEquals(leaf.holder().getSerialNumber().toString(16), c.get("serialHex").getAsString());
    assertEquals("", c.get("subject").getAsString());
    assertEquals("O=cluster.local", c.get("issuer").getAsString());
    assertEquals("2026-12-03T23:00:00Z", c.get("notBefore").getAsString());
    assertEquals("2026-12-04T23:00:00Z", c.get("notAfter").getAsString());
    assertEquals(SPIFFE, c.get("spiffeId").getAsString());
    assertEquals("VALID", c.get("expiry").getAsString());
    assertTrue(c.get("findings").isJsonArray());
  }

  @Test
  void sha256IsLowercaseHexOfTheDer() throws Exception {
    Path bundle = write("root.pem", root.pem());

    CliRun run = CliRun.run("inspect", "--json", bundle.toString());

    String sha = run.array("certificates").get(0).getAsJsonObject().get("sha256").getAsString();
    assertEquals(sha256(root.der()), sha);
  }

  @Test
  void spiffeIdIsNullWithoutAUriSan() throws Exception {
    Path bundle = write("root.pem", root.pem());

    JsonObject c =
        CliRun.run("inspect", "--json", bundle.toString()).certificate(sha256(root.der()));

    assertTrue(c.get("spiffeId").isJsonNull());
    assertEquals("VALID", c.get("expiry").getAsString());
  }

  @Test
  void judgesExpiryAtTheInstantGivenWithAt() throws Exception {
    Path bundle = write("leaf.pem", leaf.pem());
    String later = TestPki.NOW.plus(Duration.ofDays(2)).toString();

    CliRun run = CliRun.run("inspect", "--json", "--at", later, bundle.toString());

    assertEquals("EXPIRED", run.certificate(sha256(leaf.der())).get("expiry").getAsString());
    assertEquals(later, run.json().get("at").getAsString());
  }

  @Test
  void refusesAnAtThatIsNotAnInstantWithExitTwo() throws Exception {
    Path bundle = write("leaf.pem", leaf.pem());

    CliRun run = CliRun.run("inspect", "--at", "tomorrow", bundle.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--at"), run.err());
  }

  @Test
  void buildsOneChainAcrossFiles() throws Exception {
    Path leafFile = write("leaf.pem", leaf.pem());
    Path rootFile = write("root.pem", root.pem());

    JsonArray chains =
        CliRun.run("inspect", "--json", leafFile.toString(), rootFile.toString()).array("chains");

    assertEquals(1, chains.size());
    JsonArray certs = chains.get(0).getAsJsonObject().getAsJsonArray("certificates");
    assertEquals(sha256(leaf.der()), certs.get(0).getAsString());
    assertEquals(sha256(root.der()), certs.get(1).getAsString());
  }

  @Test
  void exitsZeroWhenEverythingIsReadAndNothingIsWrong() throws Exception {
    Path bundle = write("bundle.pem", leaf.pem() + root.pem());

    CliRun run = CliRun.run("inspect", bundle.toString());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertEquals("", run.err());
  }

  @Test
  void exitsTwoWithAOneLineReasonWhenAFileIsMissing() throws Exception {
    Path good = write("root.pem", root.pem());

    CliRun run = CliRun.run("inspect", good.toString(), dir.resolve("nope.pem").toString());

    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains("nope.pem: no such file"), run.err());
  }

  @Test
  void stillReportsTheReadableInputsWhenOneIsMissing() throws Exception {
    Path good = write("root.pem", root.pem());

    CliRun run = CliRun.run("inspect", "--json", good.toString(), dir.resolve("nope").toString());

    assertEquals(1, run.array("certificates").size());
    assertEquals(1, run.array("unreadInputs").size());
  }

  @Test
  void exitsTwoWhenNothingCanBeReadFromAnInput() throws Exception {
    Path junk = dir.resolve("junk.bin");
    Files.write(junk, new byte[] {0x13, 0x37, 0x00, (byte) 0xff, 0x42});

    CliRun run = CliRun.run("inspect", junk.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("meshcert inspect: cannot read " + junk), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void readsStandardInputForDash() {
    CliRun run = CliRun.withStdin(root.pem(), "inspect", "--json", "-");

    JsonObject source = run.array("sources").get(0).getAsJsonObject();
    assertEquals("stdin", source.get("name").getAsString());
    assertEquals(1, source.getAsJsonArray("certificates").size());
  }

  @Test
  void expandsAFolderToItsFilesInOrder() throws Exception {
    write("certs/b-leaf.pem", leaf.pem());
    write("certs/a-root.pem", root.pem());
    write("certs/.hidden/skip.pem", root.pem());

    CliRun run = CliRun.run("inspect", "--json", dir.resolve("certs").toString());

    JsonArray sources = run.array("sources");
    assertEquals(2, sources.size());
    assertTrue(sources.get(0).getAsJsonObject().get("name").getAsString().endsWith("a-root.pem"));
  }

  @Test
  void jsonNamesTheFormatAndProblemsOfEachSource() throws Exception {
    Path bundle =
        write(
            "mixed.pem",
            root.pem()
                + "-----BEGIN CERTIFICATE-----\nnot*base64\n"
                + "-----END CERTIFICATE-----\n");

    JsonObject source =
        CliRun.run("inspect", "--json", bundle.toString())
            .array("sources")
            .get(0)
            .getAsJsonObject();

    assertEquals("PEM", source.get("format").getAsString());
    JsonObject problem = source.getAsJsonArray("problems").get(0).getAsJsonObject();
    assertTrue(problem.get("message").getAsString().contains("base64"), problem.toString());
  }

  @Test
  void textShowsTheSummaryLineOfEachSource() throws Exception {
    Path bundle =
        write(
            "mixed.pem",
            root.pem()
                + "-----BEGIN CERTIFICATE-----\nnot*base64\n"
                + "-----END CERTIFICATE-----\n");

    CliRun run = CliRun.run("inspect", bundle.toString());

    assertTrue(
        run.out().contains(bundle + " (PEM): 1 certificate read, 1 problem: bad base64"),
        run.out());
  }

  @Test
  void textShowsEachChainFromLeafToRootWithSpiffeIdAndExpiry() throws Exception {
    Path bundle = write("bundle.pem", root.pem() + leaf.pem());

    String out = CliRun.run("inspect", bundle.toString()).out();

    int leafAt = out.indexOf("[0] leaf: (empty subject)");
    int rootAt = out.indexOf("[1] top: O=cluster.local");
    assertTrue(leafAt >= 0 && rootAt > leafAt, out);
    assertTrue(out.contains("SPIFFE ID: " + SPIFFE), out);
    assertTrue(out.contains("VALID: expires in 23 h"), out);
  }

  @Test
  void describesPrivateKeysWithoutPrintingThem() throws Exception {
    String keyPem = leaf.keyPkcs8Pem();
    Path file = write("with-key.pem", leaf.pem() + keyPem);
    String keyBody = keyPem.lines().skip(1).findFirst().orElseThrow();

    CliRun json = CliRun.run("inspect", "--json", file.toString());
    CliRun text = CliRun.run("inspect", file.toString());

    JsonObject key =
        json.array("sources")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("keys")
            .get(0)
            .getAsJsonObject();
    assertEquals(sha256(leaf.der()), key.get("matchesCertificate").getAsString());
    assertFalse(json.out().contains(keyBody));
    assertFalse(text.out().contains(keyBody));
  }

  @Test
  void matchesAKeyToACertificateInAnotherFile() throws Exception {
    Path cert = write("tls.crt", leaf.pem());
    Path key = write("tls.key", leaf.keyPkcs8Pem());

    JsonObject keyJson =
        CliRun.run("inspect", "--json", cert.toString(), key.toString())
            .array("sources")
            .get(1)
            .getAsJsonObject()
            .getAsJsonArray("keys")
            .get(0)
            .getAsJsonObject();

    assertEquals(sha256(leaf.der()), keyJson.get("matchesCertificate").getAsString());
  }

  @Test
  void trustsAChainThatVerifiesToARootGivenWithTrust() throws Exception {
    Path leafFile = write("leaf.pem", leaf.pem());
    Path roots = write("roots.pem", root.pem());

    CliRun run = CliRun.run("inspect", "--json", "--trust", roots.toString(), leafFile.toString());

    JsonObject chain = run.array("chains").get(0).getAsJsonObject();
    assertTrue(chain.get("trusted").getAsBoolean(), chain.toString());
    assertTrue(chain.get("reason").getAsString().startsWith("verified to trust anchor"));
    assertEquals(0, run.exitCode(), run.out());
  }

  @Test
  void exitsOneWhenTheChainDoesNotVerifyToTheTrustAnchors() throws Exception {
    Path leafFile = write("leaf.pem", leaf.pem() + root.pem());
    Path other = write("other.pem", pki.root("O=other").issue().pem());

    CliRun run = CliRun.run("inspect", "--json", "--trust", other.toString(), leafFile.toString());

    JsonObject chain = run.array("chains").get(0).getAsJsonObject();
    assertFalse(chain.get("trusted").getAsBoolean());
    JsonObject finding = chain.getAsJsonArray("findings").get(0).getAsJsonObject();
    assertEquals("CHAIN-UNTRUSTED", finding.get("rule").getAsString());
    assertEquals("ERROR", finding.get("severity").getAsString());
    assertEquals(1, run.exitCode());
  }

  @Test
  void saysNoTrustAnchorsWereGivenWithoutTrust() throws Exception {
    Path bundle = write("bundle.pem", leaf.pem() + root.pem());

    JsonObject chain =
        CliRun.run("inspect", "--json", bundle.toString()).array("chains").get(0).getAsJsonObject();

    assertFalse(chain.get("trusted").getAsBoolean());
    assertEquals("no trust anchors given", chain.get("reason").getAsString());
  }

  @Test
  void exitsTwoWhenATrustFileIsMissing() throws Exception {
    Path bundle = write("bundle.pem", leaf.pem());

    CliRun run =
        CliRun.run("inspect", "--trust", dir.resolve("none.pem").toString(), bundle.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--trust"), run.err());
  }

  @Test
  void exitsOneWhenTheLeafNamesAnotherServiceAccountThanExpected() throws Exception {
    Path bundle = write("bundle.pem", leaf.pem() + root.pem());

    CliRun run = CliRun.run("inspect", "--expect-identity", "default/api", bundle.toString());

    assertEquals(1, run.exitCode(), run.out());
  }

  @Test
  void exitsZeroWhenTheLeafNamesTheExpectedServiceAccount() throws Exception {
    Path bundle = write("bundle.pem", leaf.pem() + root.pem());

    CliRun run = CliRun.run("inspect", "--expect-identity", "default/web", bundle.toString());

    assertEquals(0, run.exitCode(), run.out());
  }

  @Test
  void judgesByTheProfileGiven() throws Exception {
    Path bundle = write("bundle.pem", leaf.pem() + root.pem());

    CliRun istio = CliRun.run("inspect", "--profile", "istio", bundle.toString());
    CliRun linkerd = CliRun.run("inspect", "--profile", "linkerd", bundle.toString());

    assertEquals(0, istio.exitCode(), istio.out());
    assertEquals(1, linkerd.exitCode(), linkerd.out());
  }

  @Test
  void refusesAnUnknownProfileWithExitTwo() throws Exception {
    Path bundle = write("bundle.pem", leaf.pem());

    CliRun run = CliRun.run("inspect", "--profile", "consul", bundle.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--profile"), run.err());
  }

  @Test
  void helpNamesTheExitCodes() {
    CliRun run = CliRun.run("inspect", "--help");

    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Exit codes:"), run.out());
  }

  @Test
  void withoutFilesIsAUsageErrorWithExitTwo() {
    CliRun run = CliRun.run("inspect");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("FILE"), run.err());
  }

  static String sha256(byte[] der) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
  }
}
