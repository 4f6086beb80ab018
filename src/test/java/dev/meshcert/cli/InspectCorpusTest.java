package dev.meshcert.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code meshcert inspect} over real files from the corpus (copies in src/test/resources). */
class InspectCorpusTest {

  static String corpus(String relative) {
    try {
      return Path.of(InspectCorpusTest.class.getResource("/corpus/" + relative).toURI()).toString();
    } catch (Exception e) {
      throw new IllegalStateException(relative, e);
    }
  }

  private static JsonObject onlySource(CliRun run) {
    JsonArray sources = run.array("sources");
    assertEquals(1, sources.size());
    return sources.get(0).getAsJsonObject();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          istio/security/pkg/nodeagent/cache/testdata/emptyfile.pem | empty file
          istio/security/pkg/pki/testdata/cert-parse-fail.pem       | bad base64
          go-spiffe/svid/x509svid/testdata/not-pem                  | not a certificate format
          go-spiffe/bundle/x509bundle/testdata/corrupted.pem        | at block 1
          pyca-cryptography-vectors/pkcs12/cert-key-aes256cbc.p12   | password needed
          """)
  void exitsTwoWithTheReasonWhenNothingCanBeRead(String file, String reason) {
    CliRun run = CliRun.run("inspect", corpus(file));

    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains(reason), run.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          istio/security/pkg/nodeagent/cache/testdata/root-ca-bundle-with-graceful-failures.pem | 4 | 1
          istio/security/pkg/nodeagent/cache/testdata/invalidpem.pem                            | 1 | 1
          go-spiffe/bundle/x509bundle/testdata/certs.pem                                        | 2 | 0
          istio/samples/certs/root-cert-combined-2.pem                                          | 3 | 0
          """)
  void keepsEveryGoodBlockOfABundleWithBadOnes(String file, int certificates, int problems) {
    JsonObject source = onlySource(CliRun.run("inspect", "--json", corpus(file)));

    assertEquals(certificates, source.getAsJsonArray("certificates").size());
    assertEquals(problems, source.getAsJsonArray("problems").size());
  }

  @Test
  void buildsTheIstioSampleChainFromLeafFileAndRootFile() {
    CliRun run =
        CliRun.run(
            "inspect",
            "--json",
            corpus("istio/samples/certs/leaf-workload-foo-cert.pem"),
            corpus("istio/samples/certs/ca-cert.pem"),
            corpus("istio/samples/certs/root-cert.pem"));

    JsonArray chains = run.array("chains");
    assertEquals(1, chains.size());
    JsonArray certs = chains.get(0).getAsJsonObject().getAsJsonArray("certificates");
    assertEquals(3, certs.size());
    JsonObject leaf = run.certificate(certs.get(0).getAsString());
    assertEquals("spiffe://trust-domain-foo/ns/foo/sa/foo", leaf.get("spiffeId").getAsString());
    assertTrue(chains.get(0).getAsJsonObject().get("endsAtSelfSigned").getAsBoolean());
  }

  @ParameterizedTest(name = "{0} against {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          istio/samples/certs/workload-foo-cert.pem | istio/samples/certs/root-cert.pem          | true
          istio/samples/certs/workload-foo-cert.pem | istio/samples/certs/root-cert-alt.pem      | false
          istio/samples/certs/workload-foo-cert.pem | istio/samples/certs/root-cert-combined-2.pem | true
          istio/samples/certs/cert-chain-alt.pem    | istio/samples/certs/root-cert.pem          | false
          istio/samples/certs/cert-chain-alt.pem    | istio/samples/certs/root-cert-alt.pem      | true
          """)
  void verifiesIstioSampleChainsAgainstTheRootGiven(String chain, String root, boolean trusted) {
    CliRun run = CliRun.run("inspect", "--json", "--trust", corpus(root), corpus(chain));

    JsonObject first = run.array("chains").get(0).getAsJsonObject();
    assertEquals(trusted, first.get("trusted").getAsBoolean(), first.toString());
  }

  @Test
  void exitsZeroForTheGoodGoSpiffeSvidWhileItWasValid() {
    CliRun run =
        CliRun.run(
            "inspect",
            "--at",
            "2020-03-24T15:00:00Z",
            corpus("go-spiffe/svid/x509svid/testdata/good-leaf-and-intermediate.pem"));

    assertEquals(0, run.exitCode(), run.out());
  }

  @Test
  void exitsOneForALeafSvidThatIsACa() {
    CliRun run =
        CliRun.run(
            "inspect",
            "--json",
            "--at",
            "2020-04-01T00:00:00Z",
            corpus("go-spiffe/svid/x509svid/testdata/wrong-leaf-ca-true.pem"));

    JsonObject leaf = run.array("certificates").get(0).getAsJsonObject();
    boolean leafCa = false;
    for (var f : leaf.getAsJsonArray("findings")) {
      JsonObject finding = f.getAsJsonObject();
      if (finding.get("rule").getAsString().equals("SVID-LEAF-CA")) {
        leafCa = finding.get("severity").getAsString().equals("ERROR");
      }
    }
    assertTrue(leafCa, leaf.toString());
    assertEquals(1, run.exitCode());
  }

  @Test
  void exitsOneWhenACertificateHasExpired() {
    CliRun run =
        CliRun.run("inspect", corpus("go-spiffe/svid/x509svid/testdata/good-leaf-only.pem"));

    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("ERROR VALIDITY-EXPIRED"), run.out());
  }

  @Test
  void readsAPasswordProtectedPkcs12WithPassword() {
    CliRun run =
        CliRun.run(
            "inspect",
            "--json",
            "--password",
            "cryptography",
            corpus("pyca-cryptography-vectors/pkcs12/cert-key-aes256cbc.p12"));

    JsonObject source = onlySource(run);
    assertEquals("PKCS12", source.get("format").getAsString());
    assertEquals(1, source.getAsJsonArray("certificates").size());
    String certSha =
        source.getAsJsonArray("certificates").get(0).getAsJsonObject().get("sha256").getAsString();
    JsonObject key = source.getAsJsonArray("keys").get(0).getAsJsonObject();
    assertEquals(certSha, key.get("matchesCertificate").getAsString());
  }

  @Test
  void readsTheEnvoyConfigDumpIntoLeafAndRoot() {
    CliRun run =
        CliRun.run(
            "inspect",
            "--json",
            corpus(
                "istio/istioctl/pkg/writer/envoy/configdump/testdata/secret/istio/config_dump.json"));

    assertEquals("ENVOY_CONFIG_DUMP", onlySource(run).get("format").getAsString());
    JsonArray certs = run.array("chains").get(0).getAsJsonObject().getAsJsonArray("certificates");
    JsonObject leaf = run.certificate(certs.get(0).getAsString());
    assertEquals("6fbee254c22900615cb1f74e3d2f1713", leaf.get("serialHex").getAsString());
    assertEquals("EXPIRED", leaf.get("expiry").getAsString());
    assertEquals(
        "O=cluster.local",
        run.certificate(certs.get(1).getAsString()).get("subject").getAsString());
  }

  @Test
  void judgesTheZtunnelLeafByItsPemNotByTheContradictingJson() {
    CliRun run =
        CliRun.run(
            "inspect",
            "--json",
            corpus("istio/istioctl/pkg/writer/ztunnel/configdump/testdata/dump.json"));

    JsonObject leaf =
        run.certificate(
            run.array("chains")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("certificates")
                .get(0)
                .getAsString());
    assertEquals("2023-03-22T13:04:57Z", leaf.get("notAfter").getAsString());
    assertEquals("EXPIRED", leaf.get("expiry").getAsString());
  }

  @Test
  void showsEnvoyCertsMetadataAndExitsZero() {
    CliRun run =
        CliRun.run(
            "inspect",
            "--json",
            corpus(
                "envoy-admin-certs-samples/aws-app-mesh.howto-k8s-mtls-sds-based.green.certs.json"));

    JsonObject source = onlySource(run);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("ENVOY_CERTS", source.get("format").getAsString());
    assertEquals(2, source.getAsJsonArray("metadata").size());
  }
}
