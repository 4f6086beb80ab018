package dev.meshcert.mesh.istioctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.mesh.MeshCorpus;
import dev.meshcert.mesh.envoy.AdminDocument;
import dev.meshcert.mesh.ztunnel.ZtunnelDump;
import dev.meshcert.testpki.TestPki;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZtunnelCertificateTableTest {

  private static ZtunnelDump sample() {
    return ZtunnelDump.of(
        AdminDocument.parse(MeshCorpus.bytes(MeshCorpus.ZTUNNEL_DUMP)).tree().orElseThrow());
  }

  @Test
  void matchesIstioctlGoldenByteForByte() {
    assertEquals(
        MeshCorpus.text(MeshCorpus.ZTUNNEL_GOLDEN),
        ZtunnelCertificateTable.render(sample(), TestPki.NOW));
  }

  @Test
  void pemSaysLeafIsExpiredAndRootIsValid() {
    List<ZtunnelRow> rows = ZtunnelCertificateTable.rows(sample(), TestPki.NOW);
    assertTrue(rows.get(0).valid());
    assertFalse(rows.get(0).pemValid().orElseThrow());
    assertFalse(rows.get(1).valid());
    assertTrue(rows.get(1).pemValid().orElseThrow());
  }

  @Test
  void disagreementsNameBothContradictedCertificates() {
    List<String> notes = ZtunnelCertificateTable.disagreements(sample(), TestPki.NOW);
    assertEquals(2, notes.size());
    assertTrue(
        notes
            .get(0)
            .startsWith(
                "spiffe://cluster.local/ns/istio-system/sa/istiod Leaf e5dfb59150b2ba7f108d93dcec5aa613:"
                    + " istioctl shows VALID CERT true from the JSON metadata, the PEM gives false"),
        notes.get(0));
  }

  @Test
  void identitiesWithoutChainHaveNoPemVerdict() {
    ZtunnelRow initializing = ZtunnelCertificateTable.rows(sample(), TestPki.NOW).get(2);
    assertEquals("NA", initializing.type());
    assertTrue(initializing.pemValid().isEmpty());
    assertFalse(initializing.disagrees());
  }
}
