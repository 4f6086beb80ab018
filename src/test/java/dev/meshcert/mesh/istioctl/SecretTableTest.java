package dev.meshcert.mesh.istioctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.meshcert.mesh.MeshCorpus;
import dev.meshcert.mesh.envoy.AdminDocument;
import dev.meshcert.mesh.envoy.EnvoyDumps;
import dev.meshcert.mesh.envoy.SecretsDump;
import dev.meshcert.testpki.TestPki;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTableTest {

  private final TestPki pki = new TestPki();

  static SecretsDump dump(byte[] content) {
    return SecretsDump.of(AdminDocument.parse(content).tree().orElseThrow());
  }

  static SecretsDump dump(JsonObject tree) {
    return SecretsDump.of(tree);
  }

  @Test
  void matchesIstioctlGoldenByteForByte() {
    String table = SecretTable.render(dump(MeshCorpus.bytes(MeshCorpus.SECRET_DUMP)), TestPki.NOW);
    assertEquals(MeshCorpus.text(MeshCorpus.SECRET_GOLDEN), table);
  }

  @Test
  void matchesGoldenFromCamelCaseDump() {
    JsonObject whole =
        JsonParser.parseString(MeshCorpus.text(MeshCorpus.SECRET_DUMP)).getAsJsonObject();
    JsonObject secretsDump = whole.getAsJsonArray("configs").get(0).getAsJsonObject();
    byte[] camel = EnvoyDumps.json(EnvoyDumps.camelCase(secretsDump));
    assertEquals(
        MeshCorpus.text(MeshCorpus.SECRET_GOLDEN), SecretTable.render(dump(camel), TestPki.NOW));
  }

  @Test
  void matchesSecretSectionOfProxyConfigAllGolden() {
    String summary = MeshCorpus.text(MeshCorpus.PROXYCONFIG_SUMMARY);
    int start = summary.indexOf("RESOURCE NAME");
    String section = summary.substring(start, summary.indexOf("\n\n", start) + 1);
    String table =
        SecretTable.render(
            dump(MeshCorpus.bytes(MeshCorpus.PROXYCONFIG_DUMP)), TestPki.NOW, "secret/");
    assertEquals(section, table);
  }

  @Test
  void rootCaRowTurnsInvalidAfterTheRootExpires() {
    List<SecretRow> rows =
        SecretTable.rows(
            dump(MeshCorpus.bytes(MeshCorpus.SECRET_DUMP)), Instant.parse("2033-05-03T00:00:00Z"));
    assertEquals("ROOTCA", rows.get(2).resourceName());
    assertFalse(rows.get(2).valid());
  }

  @Test
  void leafRowIsValidWithinItsDay() {
    List<SecretRow> rows =
        SecretTable.rows(
            dump(MeshCorpus.bytes(MeshCorpus.SECRET_DUMP)), Instant.parse("2023-05-15T12:00:00Z"));
    assertEquals("default", rows.get(1).resourceName());
    assertTrue(rows.get(1).valid());
  }

  @Test
  void shortSerialIsZeroPaddedTo32HexDigits() {
    TestPki.Issued root = pki.root("CN=Root").serial(BigInteger.valueOf(0xabc)).issue();
    SecretRow row =
        SecretTable.rows(
                dump(EnvoyDumps.activeSecrets(EnvoyDumps.caSecret("ROOTCA", root.pem()))),
                TestPki.NOW)
            .get(0);
    assertEquals("00000000000000000000000000000abc", row.serialNumber());
  }

  @Test
  void twentyByteSerialPrintsFortyHexDigits() {
    BigInteger serial = new BigInteger("529cbbaf623611d057b517d4ffe341e4e8035037", 16);
    TestPki.Issued root = pki.root("CN=Root").serial(serial).issue();
    SecretRow row =
        SecretTable.rows(
                dump(EnvoyDumps.activeSecrets(EnvoyDumps.caSecret("ROOTCA", root.pem()))),
                TestPki.NOW)
            .get(0);
    assertEquals("529cbbaf623611d057b517d4ffe341e4e8035037", row.serialNumber());
  }

  @Test
  void spiffeBundlesAddTrustDomainColumnAndOneRowPerDomain() {
    TestPki.Issued east = pki.root("CN=East Root").issue();
    TestPki.Issued west = pki.root("CN=West Root").issue();
    TestPki.Issued leaf = pki.leaf(east).uriSan("spiffe://east.local/ns/a/sa/b").issue();
    Map<String, String> bundles = new LinkedHashMap<>();
    bundles.put("east.local", east.pem());
    bundles.put("west.local", west.pem());
    String table =
        SecretTable.render(
            dump(
                EnvoyDumps.activeSecrets(
                    EnvoyDumps.tlsSecret("default", leaf.pem()),
                    EnvoyDumps.spiffeSecret("ROOTCA", bundles))),
            TestPki.NOW);
    List<String> lines = table.lines().toList();
    assertEquals(4, lines.size(), table);
    assertTrue(lines.get(0).endsWith("NOT BEFORE               TRUST DOMAIN"), table);
    assertTrue(lines.get(1).startsWith("default ") && lines.get(1).endsWith("east.local"), table);
    assertTrue(lines.get(2).startsWith("ROOTCA ") && lines.get(2).endsWith("east.local"), table);
    assertTrue(lines.get(3).startsWith("ROOTCA ") && lines.get(3).endsWith("west.local"), table);
  }

  @Test
  void activeSecretNeverReceivedIsUninitialized() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    JsonObject secret = EnvoyDumps.caSecret("ROOTCA", root.pem());
    secret.addProperty("version_info", "uninitialized");
    assertEquals(
        "UNINITIALIZED",
        SecretTable.rows(dump(EnvoyDumps.activeSecrets(secret)), TestPki.NOW).get(0).status());
  }

  @Test
  void dumpWithoutSecretsPrintsIstioctlsMessage() {
    assertEquals(
        "No active or warming secrets found.\n",
        SecretTable.render(dump(MeshCorpus.bytes(MeshCorpus.COMPARE_DUMP)), TestPki.NOW));
  }
}
