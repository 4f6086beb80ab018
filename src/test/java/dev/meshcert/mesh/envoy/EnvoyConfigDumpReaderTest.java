package dev.meshcert.mesh.envoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.InputFormat;
import dev.meshcert.core.read.MetadataEntry;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;
import dev.meshcert.mesh.MeshCorpus;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class EnvoyConfigDumpReaderTest {

  private static final String LEAF_SERIAL = "6fbee254c22900615cb1f74e3d2f1713";
  private static final String ROOT_SERIAL = "193a543fe2b0d9cd4847675394dfc54";

  private final EnvoyConfigDumpReader reader = new EnvoyConfigDumpReader();
  private final TestPki pki = new TestPki();

  private Source read(byte[] content) {
    return reader.read("dump", content, PasswordProvider.none());
  }

  private static Source sample() {
    return new EnvoyConfigDumpReader()
        .read("dump", MeshCorpus.bytes(MeshCorpus.SECRET_DUMP), PasswordProvider.none());
  }

  private static List<String> serials(Source source) {
    return source.certificates().stream().map(e -> e.certificate().serialHex()).toList();
  }

  @Test
  void readsChainAndRootOfIstioSecretSample() {
    Source source = sample();
    assertEquals(List.of(LEAF_SERIAL, ROOT_SERIAL, ROOT_SERIAL), serials(source));
    assertEquals(List.of(), source.problems());
    assertEquals(InputFormat.ENVOY_CONFIG_DUMP, source.format());
  }

  @Test
  void leafContextNamesSecretStatusTypeAndVersion() {
    Map<String, String> context = sample().certificates().get(0).context();
    assertEquals("default", context.get(DumpContext.SECRET));
    assertEquals("ACTIVE", context.get(DumpContext.STATUS));
    assertEquals("Cert Chain", context.get(DumpContext.TYPE));
    assertEquals("2023-05-15T01:32:52.262Z", context.get(DumpContext.LAST_UPDATED));
    assertEquals("1 of 2", context.get(DumpContext.POSITION));
  }

  @Test
  void rootCaEntryIsTypedCa() {
    CertificateEntry root = sample().certificates().get(2);
    assertEquals("ROOTCA", root.context().get(DumpContext.SECRET));
    assertEquals("CA", root.context().get(DumpContext.TYPE));
    assertEquals("O=cluster.local", root.certificate().subject());
  }

  @Test
  void redactedPrivateKeyIsNotedNotKept() {
    Source source = sample();
    assertEquals(
        "present (redacted by Envoy)",
        source.certificates().get(0).context().get(DumpContext.PRIVATE_KEY));
    assertTrue(source.keys().isEmpty());
  }

  @Test
  void unredactedPrivateKeyMaterialNeverReachesTheSource() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    TestPki.Issued leaf = pki.leaf(root).uriSan("spiffe://td/ns/a/sa/b").issue();
    JsonObject secret = EnvoyDumps.tlsSecret("default", leaf.pem());
    secret
        .getAsJsonObject("secret")
        .getAsJsonObject("tls_certificate")
        .add("private_key", EnvoyDumps.inlineBytes(leaf.keyPem()));
    byte[] dump = EnvoyDumps.json(EnvoyDumps.activeSecrets(secret));
    Source source = read(dump);
    String everything = source.toString();
    String keyBody = leaf.keyPem().lines().skip(1).findFirst().orElseThrow();
    assertFalse(everything.contains(keyBody));
    assertFalse(everything.contains("PRIVATE KEY"));
    assertEquals(
        "present inline, not redacted (not kept)",
        source.certificates().get(0).context().get(DumpContext.PRIVATE_KEY));
  }

  @Test
  void warmingSecretWithoutBodyBecomesMetadata() {
    MetadataEntry warming = sample().metadata().get(0);
    assertEquals("secret configmap://some/thing", warming.title());
    assertEquals("WARMING", warming.fields().get(DumpContext.STATUS));
    assertEquals("uninitialized", warming.fields().get(DumpContext.VERSION_INFO));
  }

  @Test
  void readsCamelCaseSecretsDumpAsIstioctlPrintsIt() {
    JsonObject whole =
        JsonParser.parseString(MeshCorpus.text(MeshCorpus.SECRET_DUMP)).getAsJsonObject();
    JsonObject secretsDump = whole.getAsJsonArray("configs").get(0).getAsJsonObject();
    secretsDump.remove("@type");
    byte[] camel = EnvoyDumps.json(EnvoyDumps.camelCase(secretsDump));
    assertTrue(new String(camel, StandardCharsets.UTF_8).contains("dynamicActiveSecrets"));
    Source source = read(camel);
    assertEquals(serials(sample()), serials(source));
    assertEquals(sample().certificates().get(0).context(), source.certificates().get(0).context());
  }

  @Test
  void readsCamelCaseFullDump() {
    Source source = read(EnvoyDumps.camelCase(MeshCorpus.bytes(MeshCorpus.PROXYCONFIG_DUMP)));
    assertEquals(List.of(LEAF_SERIAL, ROOT_SERIAL, ROOT_SERIAL), serials(source));
  }

  @Test
  void toleratesHttpStatusLineAndHeaders() {
    String response =
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nserver: envoy\r\n\r\n"
            + MeshCorpus.text(MeshCorpus.SECRET_DUMP);
    Source source = read(response.getBytes(StandardCharsets.UTF_8));
    assertEquals(serials(sample()), serials(source));
    assertEquals(List.of(), source.problems());
  }

  @Test
  void errorStatusLineIsAProblem() {
    String response = "HTTP/1.1 503 Service Unavailable\n\nno healthy upstream";
    Source source = read(response.getBytes(StandardCharsets.UTF_8));
    assertTrue(source.problems().get(0).message().contains("503"), source.problems().toString());
  }

  @Test
  void readsYamlFormWithUnquotedTimestamps() {
    Object tree = new Yaml().load(MeshCorpus.text(MeshCorpus.SECRET_DUMP));
    String yaml =
        new Yaml().dump(tree).replace("'2023-05-15T01:32:52.262Z'", "2023-05-15T01:32:52.262Z");
    assertTrue(yaml.contains("last_updated: 2023-05-15T01:32:52.262Z"), yaml);
    Source source = read(yaml.getBytes(StandardCharsets.UTF_8));
    assertEquals(serials(sample()), serials(source));
    assertEquals(
        "2023-05-15T01:32:52.262Z",
        source.certificates().get(0).context().get(DumpContext.LAST_UPDATED));
  }

  @Test
  void readsSecretsOfFullProxyConfigAllDump() {
    Source source = read(MeshCorpus.bytes(MeshCorpus.PROXYCONFIG_DUMP));
    assertEquals(List.of(LEAF_SERIAL, ROOT_SERIAL, ROOT_SERIAL), serials(source));
    assertEquals(List.of(), source.problems());
  }

  @Test
  void dumpWithoutSecretsReadsAsEmptyWithoutProblems() {
    for (String path : List.of(MeshCorpus.AUTHZ_DUMP, MeshCorpus.COMPARE_DUMP)) {
      Source source = read(MeshCorpus.bytes(path));
      assertTrue(source.certificates().isEmpty(), path);
      assertEquals(List.of(), source.problems(), path);
      assertEquals(
          "none: the dump has no SecretsConfigDump",
          source.metadata().get(0).fields().get("secrets"));
    }
  }

  @Test
  void spiffeValidatorBundlesCarryTheirTrustDomain() {
    TestPki.Issued east = pki.root("CN=East Root").issue();
    TestPki.Issued west = pki.root("CN=West Root").issue();
    Map<String, String> bundles = new LinkedHashMap<>();
    bundles.put("east.local", east.pem());
    bundles.put("west.local", west.pem());
    Source source =
        read(EnvoyDumps.json(EnvoyDumps.activeSecrets(EnvoyDumps.spiffeSecret("ROOTCA", bundles))));
    assertEquals(2, source.certificates().size());
    assertEquals(
        "east.local", source.certificates().get(0).context().get(DumpContext.TRUST_DOMAIN));
    assertEquals(
        "west.local", source.certificates().get(1).context().get(DumpContext.TRUST_DOMAIN));
    assertEquals("CN=West Root", source.certificates().get(1).certificate().subject());
  }

  @Test
  void readsInlineStringData() {
    TestPki.Issued root = pki.root("CN=Inline Root").issue();
    JsonObject ds = new JsonObject();
    ds.addProperty("inline_string", root.pem());
    JsonObject context = new JsonObject();
    context.add("trusted_ca", ds);
    JsonObject body = new JsonObject();
    body.add("validation_context", context);
    Source source =
        read(EnvoyDumps.json(EnvoyDumps.activeSecrets(EnvoyDumps.entry("ROOTCA", body))));
    assertEquals("CN=Inline Root", source.certificates().get(0).certificate().subject());
  }

  @Test
  void badBase64IsAProblemAndOtherSecretsAreStillRead() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    JsonObject broken = EnvoyDumps.caSecret("broken", root.pem());
    broken
        .getAsJsonObject("secret")
        .getAsJsonObject("validation_context")
        .getAsJsonObject("trusted_ca")
        .addProperty("inline_bytes", "not base64 at all!");
    Source source =
        read(
            EnvoyDumps.json(
                EnvoyDumps.activeSecrets(broken, EnvoyDumps.caSecret("ROOTCA", root.pem()))));
    assertEquals(1, source.certificates().size());
    assertEquals(1, source.problems().size());
    assertTrue(source.problems().get(0).location().contains("secret broken"));
  }

  @Test
  void fileDataSourceIsDescribedAsNotInTheDump() {
    JsonObject ds = new JsonObject();
    ds.addProperty("filename", "/etc/certs/root-cert.pem");
    JsonObject context = new JsonObject();
    context.add("trusted_ca", ds);
    JsonObject body = new JsonObject();
    body.add("validation_context", context);
    Source source =
        read(
            EnvoyDumps.json(
                EnvoyDumps.activeSecrets(
                    EnvoyDumps.entry("file-root:/etc/certs/root-cert.pem", body))));
    assertTrue(source.certificates().isEmpty());
    assertEquals(
        "file /etc/certs/root-cert.pem (on the proxy, not in the dump)",
        source.metadata().get(0).fields().get("data"));
  }

  @Test
  void staticSecretsHaveStatusStatic() {
    TestPki.Issued root = pki.root("CN=Static Root").issue();
    JsonObject dump = new JsonObject();
    com.google.gson.JsonArray list = new com.google.gson.JsonArray();
    list.add(EnvoyDumps.caSecret("static-root", root.pem()));
    dump.add("static_secrets", list);
    Source source = read(EnvoyDumps.json(dump));
    assertEquals("STATIC", source.certificates().get(0).context().get(DumpContext.STATUS));
  }

  @Test
  void malformedJsonIsAProblemNotACrash() {
    Source source =
        read("{\"configs\": [ {\"@type\": \"envoy.admin.v3.".getBytes(StandardCharsets.UTF_8));
    assertTrue(source.certificates().isEmpty());
    assertEquals(1, source.problems().size());
  }

  @Test
  void acceptsConfigDumpsButNotOtherAdminOutput() {
    assertTrue(reader.accepts(MeshCorpus.bytes(MeshCorpus.SECRET_DUMP)));
    assertTrue(reader.accepts(MeshCorpus.bytes(MeshCorpus.AUTHZ_DUMP)));
    assertTrue(reader.accepts(MeshCorpus.bytes(MeshCorpus.COMPARE_DUMP)));
    assertFalse(reader.accepts(MeshCorpus.bytes(MeshCorpus.ENVOY_CERTS)));
    assertFalse(reader.accepts(MeshCorpus.bytes(MeshCorpus.ZTUNNEL_DUMP)));
    assertFalse(reader.accepts(pki.root("CN=x").issue().pem().getBytes(StandardCharsets.US_ASCII)));
  }
}
