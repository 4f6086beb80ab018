package dev.meshcert.mesh.envoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.read.MetadataEntry;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;
import dev.meshcert.mesh.MeshCorpus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvoyCertsReaderTest {

  private final EnvoyCertsReader reader = new EnvoyCertsReader();

  private Source read(byte[] content) {
    return reader.read("certs", content, PasswordProvider.none());
  }

  @Test
  void eachCertificateDetailBecomesOneMetadataEntry() {
    Source source = read(MeshCorpus.bytes(MeshCorpus.ENVOY_CERTS));
    assertEquals(
        List.of("ca_cert[0]", "cert_chain[0]"),
        source.metadata().stream().map(MetadataEntry::title).toList());
    assertTrue(source.certificates().isEmpty());
    assertEquals(List.of(), source.problems());
  }

  @Test
  void detailFieldsAreKeptAsGiven() {
    MetadataEntry leaf = read(MeshCorpus.bytes(MeshCorpus.ENVOY_CERTS)).metadata().get(1);
    assertEquals("<inline>", leaf.fields().get("path"));
    assertEquals("52f3b82ebb99af2d826bc1c3ac3835ba", leaf.fields().get("serial_number"));
    assertEquals(
        "uri:spiffe://howto-k8s-mtls-sds-based.aws/colorgreen",
        leaf.fields().get("subject_alt_names"));
    assertEquals("0", leaf.fields().get("days_until_expiration"));
    assertEquals("2020-11-22T05:18:29Z", leaf.fields().get("valid_from"));
    assertEquals("2020-11-22T06:18:39Z", leaf.fields().get("expiration_time"));
  }

  @Test
  void caSerialZeroIsKeptAsGiven() {
    MetadataEntry ca = read(MeshCorpus.bytes(MeshCorpus.ENVOY_CERTS)).metadata().get(0);
    assertEquals("0", ca.fields().get("serial_number"));
  }

  @Test
  void emptyCertificatesListSaysSoWithoutProblems() {
    Source source = read(MeshCorpus.bytes(MeshCorpus.ENVOY_CERTS_EMPTY));
    assertEquals(List.of(), source.problems());
    assertTrue(source.certificates().isEmpty());
    assertEquals(1, source.metadata().size());
    assertTrue(source.metadata().get(0).fields().get("certificates").startsWith("none"));
  }

  @Test
  void severalCertificateGroupsArePrefixedByIndex() {
    String two =
        "{\"certificates\": [{\"cert_chain\": [{\"serial_number\": \"1\"}]},"
            + " {\"cert_chain\": [{\"serial_number\": \"2\"}]}]}";
    Source source = read(two.getBytes(StandardCharsets.UTF_8));
    assertEquals(
        List.of("certificates[0].cert_chain[0]", "certificates[1].cert_chain[0]"),
        source.metadata().stream().map(MetadataEntry::title).toList());
  }

  @Test
  void documentWithoutCertificatesListIsAProblem() {
    Source source = read("{\"cert_chain\": []}".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, source.problems().size());
  }

  @Test
  void acceptsBothSamplesButNotDumps() {
    assertTrue(reader.accepts(MeshCorpus.bytes(MeshCorpus.ENVOY_CERTS)));
    assertTrue(reader.accepts(MeshCorpus.bytes(MeshCorpus.ENVOY_CERTS_EMPTY)));
    assertFalse(reader.accepts(MeshCorpus.bytes(MeshCorpus.SECRET_DUMP)));
    assertFalse(reader.accepts(MeshCorpus.bytes(MeshCorpus.ZTUNNEL_DUMP)));
  }
}
