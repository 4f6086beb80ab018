package dev.meshcert.mesh.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadComparisonTest {

  private final RotationFixture f = new RotationFixture();

  private TrustView view(WorkloadChain... workloads) {
    return new TrustGrouping().group(List.of(workloads), List.of());
  }

  private static Comparison.Row row(Comparison c, String label) {
    return c.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void workloadsWithTheSameRootAndBundleTrustEachOther() {
    List<CertificateFacts> bundle = List.of(f.newFacts);
    TrustView v = view(f.workload("a", f.newRoot, bundle), f.workload("b", f.newRoot, bundle));
    Comparison c = WorkloadComparison.compare(v.workloads().get(0), v.workloads().get(1));

    assertTrue(c.mutuallyTrusted());
    assertTrue(c.verdict().startsWith("Both a and b have the identical root bundles."));
    assertTrue(row(c, "Root").same());
    assertFalse(row(c, "Leaf").same());
  }

  @Test
  void workloadWithTheOldBundleRejectsAPeerOnTheNewRoot() {
    TrustView v =
        view(
            f.workload("old", f.oldRoot, List.of(f.oldFacts)),
            f.workload("new", f.newRoot, List.of(f.newFacts, f.oldFacts)));
    Comparison c = WorkloadComparison.compare(v.workloads().get(0), v.workloads().get(1));

    assertEquals(Comparison.Acceptance.NO, c.leftAcceptsRight());
    assertEquals(Comparison.Acceptance.YES, c.rightAcceptsLeft());
    assertTrue(c.verdict().contains("non-identical"));
    assertTrue(c.verdict().contains("old rejects new: its bundle lacks O=cluster.local"));
  }

  @Test
  void unknownBundleMakesAcceptanceUnknown() {
    TrustView v =
        view(
            f.workload("a", f.newRoot, List.of()), f.workload("b", f.newRoot, List.of(f.newFacts)));
    Comparison c = WorkloadComparison.compare(v.workloads().get(0), v.workloads().get(1));

    assertEquals(Comparison.Acceptance.UNKNOWN, c.leftAcceptsRight());
    assertFalse(c.verdict().contains("root bundles"));
  }

  @Test
  void chainsOfDifferentLengthAreComparedPositionByPosition() {
    TrustView v =
        view(
            f.leafOnly("short", f.newRoot, List.of(f.newFacts)),
            f.workload("long", f.newRoot, List.of(f.newFacts)));
    Comparison c = WorkloadComparison.compare(v.workloads().get(0), v.workloads().get(1));

    Comparison.Row second = row(c, "Certificate 2");
    assertEquals("", second.left());
    assertTrue(second.right().startsWith("O=cluster.local"), second.right());
    assertFalse(second.same());
  }

  @Test
  void identityRowComparesSpiffeIds() {
    TrustView v =
        view(f.workload("a", f.newRoot, List.of()), f.workload("b", f.newRoot, List.of()));
    Comparison c = WorkloadComparison.compare(v.workloads().get(0), v.workloads().get(1));

    Comparison.Row identity = row(c, "Identity");
    assertEquals("spiffe://cluster.local/ns/default/sa/a", identity.left());
    assertFalse(identity.same());
  }
}
