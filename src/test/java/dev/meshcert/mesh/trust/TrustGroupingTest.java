package dev.meshcert.mesh.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustGroupingTest {

  private final RotationFixture f = new RotationFixture();
  private final TrustGrouping grouping = new TrustGrouping();

  private static List<Straggle.Kind> kinds(WorkloadTrust w) {
    return w.straggles().stream().map(Straggle::kind).toList();
  }

  @Test
  void workloadsOnOneRootFormOneGroupWithoutStragglers() {
    List<CertificateFacts> bundle = List.of(f.oldFacts);
    TrustView view =
        grouping.group(
            List.of(f.workload("a", f.oldRoot, bundle), f.workload("b", f.oldRoot, bundle)),
            List.of());

    assertEquals(1, view.byRoot().size());
    assertEquals(Optional.of(f.oldFacts), view.byRoot().get(0).root());
    assertTrue(view.byRoot().get(0).current());
    assertEquals(2, view.byRoot().get(0).workloads().size());
    assertTrue(view.stragglers().isEmpty());
  }

  @Test
  void workloadStillOnTheOldRootAfterRotationStandsOut() {
    List<CertificateFacts> both = List.of(f.newFacts, f.oldFacts);
    TrustView view =
        grouping.group(
            List.of(
                f.workload("a", f.newRoot, both),
                f.workload("b", f.newRoot, both),
                f.workload("late", f.oldRoot, both)),
            List.of(f.newFacts));

    assertEquals(List.of("late"), view.stragglers().stream().map(WorkloadTrust::name).toList());
    assertEquals(List.of(Straggle.Kind.NOT_CURRENT_ROOT), kinds(view.stragglers().get(0)));
    assertTrue(
        view.stragglers().get(0).straggles().get(0).reason().contains("not to the current root"));
  }

  @Test
  void currentRootGroupComesFirstAndIsMarked() {
    List<CertificateFacts> both = List.of(f.newFacts, f.oldFacts);
    TrustView view =
        grouping.group(
            List.of(f.workload("late", f.oldRoot, both), f.workload("a", f.newRoot, both)),
            List.of(f.newFacts));

    assertEquals(Optional.of(f.newFacts), view.byRoot().get(0).root());
    assertTrue(view.byRoot().get(0).current());
    assertFalse(view.byRoot().get(1).current());
  }

  @Test
  void withoutMeshRootsTheRootMostWorkloadsUseIsCurrent() {
    List<CertificateFacts> both = List.of(f.newFacts, f.oldFacts);
    TrustView view =
        grouping.group(
            List.of(
                f.workload("a", f.oldRoot, both),
                f.workload("b", f.oldRoot, both),
                f.workload("early", f.newRoot, both)),
            List.of());

    assertEquals(f.oldFacts, view.currentRoot("cluster.local").orElseThrow().root());
    assertTrue(view.currentRoot("cluster.local").orElseThrow().why().contains("2 of 3"));
    assertEquals(List.of("early"), view.stragglers().stream().map(WorkloadTrust::name).toList());
  }

  @Test
  void newestMeshRootGivenIsCurrentWhileBothAreDistributed() {
    List<CertificateFacts> both = List.of(f.oldFacts, f.newFacts);
    TrustView view =
        grouping.group(List.of(f.workload("a", f.newRoot, both)), List.of(f.oldFacts, f.newFacts));

    assertEquals(f.newFacts, view.currentRoot("cluster.local").orElseThrow().root());
  }

  @Test
  void bundleWithoutTheNewRootStandsOut() {
    List<CertificateFacts> both = List.of(f.newFacts, f.oldFacts);
    TrustView view =
        grouping.group(
            List.of(
                f.workload("a", f.newRoot, both),
                f.workload("b", f.newRoot, both),
                f.workload("stale", f.oldRoot, List.of(f.oldFacts))),
            List.of(f.newFacts));

    WorkloadTrust stale = view.workload("stale").orElseThrow();
    assertEquals(
        List.of(
            Straggle.Kind.NOT_CURRENT_ROOT,
            Straggle.Kind.BUNDLE_LACKS_CURRENT_ROOT,
            Straggle.Kind.BUNDLE_DIFFERS),
        kinds(stale));
    assertTrue(
        stale.straggles().get(2).reason().contains("2 of 3"), stale.straggles().get(2).reason());
  }

  @Test
  void newCertificateWithAnOldBundleDoesNotHoldItsOwnRoot() {
    List<CertificateFacts> old = List.of(f.oldFacts);
    TrustView view =
        grouping.group(
            List.of(
                f.workload("a", f.oldRoot, old),
                f.workload("b", f.oldRoot, old),
                f.workload("early", f.newRoot, old)),
            List.of(f.oldFacts));

    assertEquals(
        List.of(Straggle.Kind.NOT_CURRENT_ROOT, Straggle.Kind.OWN_ROOT_NOT_HELD),
        kinds(view.workload("early").orElseThrow()));
  }

  @Test
  void bundleLackingTheRootMostChainsUseStandsOut() {
    List<CertificateFacts> both = List.of(f.newFacts, f.oldFacts);
    TrustView view =
        grouping.group(
            List.of(
                f.workload("a", f.oldRoot, both),
                f.workload("b", f.oldRoot, both),
                f.workload("c", f.newRoot, both),
                f.workload("fresh", f.newRoot, List.of(f.newFacts))),
            List.of(f.newFacts));

    WorkloadTrust fresh = view.workload("fresh").orElseThrow();
    assertTrue(
        kinds(fresh).contains(Straggle.Kind.BUNDLE_LACKS_ROOT_IN_USE), kinds(fresh).toString());
    assertTrue(fresh.straggles().get(0).reason().contains("a, b"));
  }

  @Test
  void leafServedAloneVerifiesToTheRootInItsBundle() {
    TrustView view =
        grouping.group(List.of(f.leafOnly("a", f.newRoot, List.of(f.newFacts))), List.of());

    assertEquals(Optional.of(f.newFacts), view.workloads().get(0).root());
    assertTrue(view.stragglers().isEmpty());
  }

  @Test
  void leafServedAloneVerifiesToARootOnlyAnotherWorkloadHolds() {
    TrustView view =
        grouping.group(
            List.of(
                f.leafOnly("a", f.newRoot, List.of()),
                f.workload("b", f.newRoot, List.of(f.newFacts))),
            List.of());

    assertEquals(Optional.of(f.newFacts), view.workload("a").orElseThrow().root());
  }

  @Test
  void leafWithTheWrongRootAppendedIsABrokenChain() {
    CertificateFacts oldLeaf = f.leaf(f.oldRoot, "default", "x");
    WorkloadChain broken = new WorkloadChain("x", List.of(oldLeaf, f.newFacts), List.of(), "test");
    WorkloadTrust x = grouping.group(List.of(broken), List.of()).workloads().get(0);

    assertTrue(x.root().isEmpty());
    assertTrue(x.rootReason().contains("is not signed by certificate 2"), x.rootReason());
    assertEquals(List.of(Straggle.Kind.NO_KNOWN_ROOT), kinds(x));
  }

  @Test
  void chainFromAnUnseenRootIsGroupedUnderNoKnownRoot() {
    TestPki.Issued unseen = f.pki.root("O=elsewhere").issue();
    TrustView view =
        grouping.group(
            List.of(f.workload("a", f.newRoot, List.of()), f.leafOnly("lost", unseen, List.of())),
            List.of());

    RootGroup last = view.byRoot().get(view.byRoot().size() - 1);
    assertTrue(last.root().isEmpty());
    assertEquals("lost", last.workloads().get(0).name());
    assertTrue(view.workload("lost").orElseThrow().rootReason().contains("none of the 1 roots"));
  }

  @Test
  void trustDomainsAreJudgedApart() {
    TestPki.Issued other = f.pki.root("O=other.example").issue();
    CertificateFacts otherLeaf =
        f.pki.leaf(other).uriSan("spiffe://other.example/ns/x/sa/y").issue().facts();
    TrustView view =
        grouping.group(
            List.of(
                f.workload("a", f.newRoot, List.of(f.newFacts)),
                f.workload("b", f.newRoot, List.of(f.newFacts)),
                new WorkloadChain(
                    "y", List.of(otherLeaf, other.facts()), List.of(other.facts()), "test")),
            List.of());

    assertTrue(view.stragglers().isEmpty());
    assertEquals(2, view.currentRoots().size());
    assertEquals("other.example", view.byRoot().get(1).domain());
  }

  @Test
  void majorityBundleGroupComesFirst() {
    TrustView view =
        grouping.group(
            List.of(
                f.workload("odd", f.newRoot, List.of(f.newFacts)),
                f.workload("a", f.newRoot, List.of(f.newFacts, f.oldFacts)),
                f.workload("b", f.newRoot, List.of(f.oldFacts, f.newFacts))),
            List.of());

    assertEquals(2, view.byBundle().size());
    assertTrue(view.byBundle().get(0).majority());
    assertEquals(2, view.byBundle().get(0).workloads().size());
    assertEquals(List.of(Straggle.Kind.BUNDLE_DIFFERS), kinds(view.workload("odd").orElseThrow()));
  }

  @Test
  void unknownBundleIsGroupedApartAndNotHeldAgainstTheWorkload() {
    TrustView view =
        grouping.group(
            List.of(
                f.workload("a", f.newRoot, List.of(f.newFacts)),
                f.workload("pem", f.newRoot, List.of())),
            List.of());

    assertTrue(view.stragglers().isEmpty());
    BundleGroup last = view.byBundle().get(view.byBundle().size() - 1);
    assertEquals("", last.key());
    assertEquals("bundle not known", last.label());
  }

  @Test
  void noWorkloadsGiveAnEmptyView() {
    TrustView view = grouping.group(List.of(), List.of(f.newFacts));

    assertTrue(view.byRoot().isEmpty());
    assertTrue(view.currentRoots().isEmpty());
  }
}
