package dev.meshcert.mesh.ztunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.MetadataEntry;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.core.read.Source;
import dev.meshcert.mesh.MeshCorpus;
import dev.meshcert.mesh.envoy.DumpContext;
import dev.meshcert.mesh.envoy.EnvoyDumps;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZtunnelDumpReaderTest {

  private final ZtunnelDumpReader reader = new ZtunnelDumpReader();
  private final TestPki pki = new TestPki();

  private Source read(byte[] content) {
    return reader.read("ztunnel", content, PasswordProvider.none());
  }

  private static Source sample() {
    return new ZtunnelDumpReader()
        .read("ztunnel", MeshCorpus.bytes(MeshCorpus.ZTUNNEL_DUMP), PasswordProvider.none());
  }

  /** A ztunnel certChain element for {@code cert}, with metadata that agrees with it. */
  static JsonObject element(TestPki.Issued cert, String pem) {
    JsonObject e = new JsonObject();
    e.addProperty("pem", pem);
    e.addProperty("serialNumber", cert.facts().serial().toString());
    e.addProperty("validFrom", cert.facts().notBefore().toString());
    e.addProperty("expirationTime", cert.facts().notAfter().toString());
    return e;
  }

  static JsonObject entry(String identity, JsonArray chain, JsonArray roots) {
    JsonObject entry = new JsonObject();
    entry.addProperty("identity", identity);
    entry.addProperty("state", "Available");
    entry.add("certChain", chain);
    if (roots != null) {
      entry.add("rootCert", roots);
    }
    return entry;
  }

  static byte[] dump(JsonObject... entries) {
    JsonArray certificates = new JsonArray();
    for (JsonObject e : entries) {
      certificates.add(e);
    }
    JsonObject root = new JsonObject();
    root.add("workloads", new JsonArray());
    root.add("certificates", certificates);
    return EnvoyDumps.json(root);
  }

  @Test
  void readsBothPemCertificatesOfCorpusDump() {
    List<CertificateEntry> certs = sample().certificates();
    assertEquals(
        List.of("e5dfb59150b2ba7f108d93dcec5aa613", "8a516645c40ce76c2c0d27ab4e2461c1"),
        certs.stream().map(c -> c.certificate().serialHex()).toList());
  }

  @Test
  void legacyChainLabelsLeafAndRootByPosition() {
    List<CertificateEntry> certs = sample().certificates();
    assertEquals("Leaf", certs.get(0).context().get(DumpContext.ROLE));
    assertEquals("Root", certs.get(1).context().get(DumpContext.ROLE));
    assertEquals(
        "spiffe://cluster.local/ns/istio-system/sa/istiod",
        certs.get(0).context().get(DumpContext.IDENTITY));
    assertEquals("Available", certs.get(0).context().get(DumpContext.STATE));
  }

  @Test
  void flagsLeafExpirationContradictingThePem() {
    String mismatch = sample().certificates().get(0).context().get(DumpContext.METADATA_MISMATCH);
    assertEquals(
        "expirationTime 2033-03-22T13:04:57Z, certificate notAfter 2023-03-22T13:04:57Z", mismatch);
  }

  @Test
  void flagsRootValidityContradictingThePem() {
    String mismatch = sample().certificates().get(1).context().get(DumpContext.METADATA_MISMATCH);
    assertTrue(
        mismatch.contains(
            "validFrom 2022-03-21T13:04:49Z, certificate notBefore 2023-03-21T13:04:49Z"),
        mismatch);
    assertTrue(
        mismatch.contains(
            "expirationTime 2022-03-18T13:04:49Z, certificate notAfter 2033-03-18T13:04:49Z"),
        mismatch);
    assertFalse(mismatch.contains("serialNumber"), mismatch);
  }

  @Test
  void eachContradictionIsAlsoAProblemOfTheSource() {
    List<ReadProblem> problems = sample().problems();
    assertEquals(2, problems.size());
    assertTrue(problems.get(0).location().startsWith("certificates[0].certChain[0] (Leaf of"));
    assertTrue(problems.get(0).message().startsWith("the JSON metadata contradicts the PEM"));
  }

  @Test
  void identitiesWithoutCertificateBecomeMetadataWithTheirState() {
    List<MetadataEntry> metadata = sample().metadata();
    assertEquals(3, metadata.size());
    assertEquals("Initializing", metadata.get(0).fields().get(DumpContext.STATE));
    assertEquals("Unavailable", metadata.get(1).fields().get(DumpContext.STATE_SHORT));
    assertTrue(metadata.get(2).fields().get(DumpContext.STATE).contains("TLS handshake failed"));
  }

  @Test
  void agreeingMetadataGivesNoProblem() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    TestPki.Issued leaf = pki.leaf(root).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();
    JsonArray chain = new JsonArray();
    chain.add(element(leaf, leaf.pem()));
    chain.add(element(root, root.pem()));
    Source source = read(dump(entry("spiffe://cluster.local/ns/a/sa/b", chain, null)));
    assertEquals(List.of(), source.problems());
    assertFalse(source.certificates().get(0).context().containsKey(DumpContext.METADATA_MISMATCH));
  }

  @Test
  void serialDisagreementIsFlagged() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    JsonObject e = element(root, root.pem());
    e.addProperty("serialNumber", "12345");
    JsonArray chain = new JsonArray();
    chain.add(e);
    Source source = read(dump(entry("spiffe://td/x", chain, null)));
    assertTrue(
        source
            .certificates()
            .get(0)
            .context()
            .get(DumpContext.METADATA_MISMATCH)
            .startsWith("serialNumber 12345 (hex 3039)"));
  }

  @Test
  void decodesBase64Pem() {
    TestPki.Issued root = pki.root("CN=Base64 Root").issue();
    String base64 =
        Base64.getEncoder().encodeToString(root.pem().getBytes(StandardCharsets.US_ASCII));
    JsonArray chain = new JsonArray();
    chain.add(element(root, base64));
    Source source = read(dump(entry("spiffe://td/x", chain, null)));
    assertEquals("CN=Base64 Root", source.certificates().get(0).certificate().subject());
  }

  @Test
  void rootCertListGivesRootsAndIntermediates() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    TestPki.Issued intermediate = pki.intermediate(root, "CN=Intermediate").issue();
    TestPki.Issued leaf = pki.leaf(intermediate).uriSan("spiffe://td/ns/a/sa/b").issue();
    JsonArray chain = new JsonArray();
    chain.add(element(leaf, leaf.pem()));
    chain.add(element(intermediate, intermediate.pem()));
    JsonArray roots = new JsonArray();
    roots.add(element(root, root.pem()));
    Source source = read(dump(entry("spiffe://td/ns/a/sa/b", chain, roots)));
    assertEquals(
        List.of("Leaf", "Intermediate", "Root"),
        source.certificates().stream().map(c -> c.context().get(DumpContext.ROLE)).toList());
  }

  @Test
  void readsTheCertificatesListIstioctlPrints() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    JsonArray chain = new JsonArray();
    chain.add(element(root, root.pem()));
    JsonArray list = new JsonArray();
    list.add(entry("spiffe://td/x", chain, null));
    byte[] content = EnvoyDumps.json(list);
    assertTrue(reader.accepts(content));
    assertEquals(1, read(content).certificates().size());
  }

  @Test
  void undecodablePemIsAProblemAndOthersAreStillRead() {
    TestPki.Issued root = pki.root("CN=Root").issue();
    JsonArray chain = new JsonArray();
    chain.add(element(root, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    chain.add(element(root, root.pem()));
    Source source = read(dump(entry("spiffe://td/x", chain, null)));
    assertEquals(1, source.certificates().size());
    assertEquals(1, source.problems().size());
  }

  @Test
  void acceptsZtunnelDumpButNotEnvoyOutput() {
    assertTrue(reader.accepts(MeshCorpus.bytes(MeshCorpus.ZTUNNEL_DUMP)));
    assertFalse(reader.accepts(MeshCorpus.bytes(MeshCorpus.SECRET_DUMP)));
    assertFalse(reader.accepts(MeshCorpus.bytes(MeshCorpus.PROXYCONFIG_DUMP)));
    assertFalse(reader.accepts(MeshCorpus.bytes(MeshCorpus.ENVOY_CERTS)));
    assertFalse(reader.accepts(MeshCorpus.bytes(MeshCorpus.ENVOY_CERTS_EMPTY)));
  }
}
