package dev.meshcert.mesh.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.expiry.ExpiryPolicy;
import dev.meshcert.core.expiry.ExpiryState;
import dev.meshcert.mesh.trust.RotationFixture;
import dev.meshcert.mesh.trust.WorkloadChain;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiryTimelineTest {

  private final RotationFixture f = new RotationFixture();
  private final ExpiryTimeline timeline = new ExpiryTimeline(ExpiryPolicy.DEFAULT);

  private Timeline build(WorkloadChain... workloads) {
    return timeline.build(List.of(workloads), TestPki.NOW);
  }

  private static TimelineBar bar(Timeline t, TimelineBar.Role role) {
    return t.bars().stream().filter(b -> b.role() == role).findFirst().orElseThrow();
  }

  @Test
  void rootSharedByWorkloadsIsOneBarNamingThemAll() {
    Timeline t =
        build(
            f.workload("a", f.newRoot, List.of(f.newFacts)),
            f.workload("b", f.newRoot, List.of(f.newFacts)));

    assertEquals(3, t.bars().size());
    TimelineBar root = bar(t, TimelineBar.Role.ROOT);
    assertEquals(List.of("a", "b"), root.workloads());
    assertTrue(root.label().endsWith("(2 workloads)"), root.label());
  }

  @Test
  void istioLeafIsExpectedToRotateAtHalfItsLifetime() {
    TimelineBar leaf = bar(build(f.workload("a", f.newRoot, List.of())), TimelineBar.Role.LEAF);

    // TestPki leaves live NOW-1h .. NOW+23h: half of 24 h after notBefore.
    assertEquals(TestPki.NOW.plus(Duration.ofHours(11)), leaf.rotateAt());
    assertTrue(leaf.rotationRule().startsWith("Istio renews workload certificates at 50%"));
  }

  @Test
  void linkerdLeafIsExpectedToRotateAtSeventyPercent() {
    CertificateFacts leaf =
        f.pki
            .leaf(f.newRoot)
            .subject("CN=web.emojivoto.serviceaccount.identity.linkerd.cluster.local")
            .dnsSan("web.emojivoto.serviceaccount.identity.linkerd.cluster.local")
            .validity(TestPki.NOW, TestPki.NOW.plus(Duration.ofHours(100)))
            .issue()
            .facts();
    Timeline t = build(new WorkloadChain("web", List.of(leaf), List.of(), "test"));

    assertEquals(TestPki.NOW.plus(Duration.ofHours(70)), bar(t, TimelineBar.Role.LEAF).rotateAt());
  }

  @Test
  void rootIsExpectedToRotateAtEightyPercentOfItsLifetime() {
    TimelineBar root =
        bar(build(f.workload("a", f.oldRoot, List.of(f.oldFacts))), TimelineBar.Role.ROOT);
    Duration life = f.oldFacts.lifetime();

    assertEquals(f.oldFacts.notBefore().plusMillis(life.toMillis() * 8 / 10), root.rotateAt());
  }

  @Test
  void expiringWindowStartsWhereThePolicyPutsIt() {
    TimelineBar leaf = bar(build(f.workload("a", f.newRoot, List.of())), TimelineBar.Role.LEAF);

    // 24 h lifetime: the last 20% (4.8 h) is shorter than 30 days.
    assertEquals(leaf.notAfter().minus(Duration.ofMinutes(288)), leaf.expiringFrom());
  }

  @Test
  void barsAreOrderedBySoonestExpiry() {
    Timeline t = build(f.workload("a", f.oldRoot, List.of(f.newFacts)));
    List<Instant> ends = t.bars().stream().map(TimelineBar::notAfter).toList();

    assertEquals(ends.stream().sorted().toList(), ends);
    assertEquals(TimelineBar.Role.LEAF, t.bars().get(0).role());
  }

  @Test
  void statesAreCountedAtNow() {
    CertificateFacts expired =
        f.pki
            .leaf(f.newRoot)
            .uriSan("spiffe://cluster.local/ns/a/sa/old")
            .validity(
                TestPki.NOW.minus(Duration.ofHours(30)), TestPki.NOW.minus(Duration.ofHours(6)))
            .issue()
            .facts();
    Timeline t =
        build(
            f.workload("a", f.newRoot, List.of()),
            new WorkloadChain("old", List.of(expired), List.of(), "test"));

    assertEquals(1, t.counts().get(ExpiryState.EXPIRED));
    assertEquals(2, t.counts().get(ExpiryState.VALID));
  }

  @Test
  void leafPastItsRotationPointCountsAsOverdue() {
    CertificateFacts late =
        f.pki
            .leaf(f.newRoot)
            .uriSan("spiffe://cluster.local/ns/a/sa/late")
            .validity(
                TestPki.NOW.minus(Duration.ofHours(20)), TestPki.NOW.plus(Duration.ofHours(4)))
            .issue()
            .facts();
    Timeline t = build(new WorkloadChain("late", List.of(late), List.of(), "test"));

    assertEquals(1, t.rotationOverdue());
  }

  @Test
  void leafWindowSpansTheLeafLifetimeAroundNow() {
    Timeline t = build(f.workload("a", f.newRoot, List.of()));

    assertEquals(
        new TimeScale.Range(
            TestPki.NOW.minus(Duration.ofHours(24)), TestPki.NOW.plus(Duration.ofHours(24))),
        t.leafWindow());
  }

  @Test
  void leafWindowFollowsMostLeavesNotTheLongestOne() {
    CertificateFacts longLived =
        f.pki
            .leaf(f.newRoot)
            .dnsSan("payments.default.svc.cluster.local")
            .validity(TestPki.NOW.minus(Duration.ofDays(10)), TestPki.NOW.plus(Duration.ofDays(80)))
            .issue()
            .facts();
    Timeline t =
        build(
            f.workload("a", f.newRoot, List.of()),
            f.workload("b", f.newRoot, List.of()),
            new WorkloadChain("payments", List.of(longLived), List.of(), "test"));

    assertEquals(TestPki.NOW.plus(Duration.ofHours(24)), t.leafWindow().to());
  }

  @Test
  void emptyTimelineSpansAMinuteFromNow() {
    Timeline t = Timeline.empty(TestPki.NOW);

    assertEquals(TestPki.NOW.plusSeconds(60), t.whole().to());
  }
}
