package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Certs.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Renewal points, overdue rotation and a chain's effective expiry. */
class RotationTest {

  private static final MeshProfile ISTIO = new MeshProfile.Istio("cluster.local");
  private static final Instant START = TestPki.NOW;

  private final TestPki pki = new TestPki();
  private final TestPki.Issued root = pki.root("O=cluster.local").issue();
  private final CertificateFacts day =
      pki.leaf(root)
          .uriSan("spiffe://cluster.local/ns/a/sa/b")
          .validity(START, START.plus(Duration.ofHours(24)))
          .issue()
          .facts();

  @Test
  void istioRenewsAtHalfTheLifetime() {
    Rotation r = Rotation.of(day, ISTIO, START);
    assertEquals(START.plus(Duration.ofHours(12)), r.renewAt());
    assertEquals(START.plus(Duration.ofMinutes(864)), r.overdueAt());
  }

  @Test
  void linkerdRenewsAtSeventyPercent() {
    assertEquals(
        START.plus(Duration.ofMinutes(1008)),
        Rotation.of(day, MeshProfile.Linkerd.defaults(), START).renewAt());
  }

  @Test
  void isNotOverdueJustAfterTheRenewalPoint() {
    assertFalse(Rotation.of(day, ISTIO, START.plus(Duration.ofHours(13))).overdue());
    assertEquals(List.of(), lint(START.plus(Duration.ofHours(13))));
  }

  @Test
  void isOverduePastTheGrace() {
    assertTrue(Rotation.of(day, ISTIO, START.plus(Duration.ofHours(15))).overdue());
    List<Finding> f = lint(START.plus(Duration.ofHours(15)));
    assertEquals(Set.of("ROTATION-OVERDUE"), ids(f));
    assertTrue(
        f.get(0).explanation().startsWith("Istio renews at 50% of the 24 h lifetime"),
        f.get(0).explanation());
  }

  @Test
  void isExpiredRatherThanOverdueAfterNotAfter() {
    assertEquals(Set.of("VALIDITY-EXPIRED"), ids(lint(START.plus(Duration.ofHours(25)))));
  }

  @Test
  void judgesNoRotationWithoutAProfile() {
    List<Finding> f =
        CertificateLints.lint(
            day,
            CertificateRole.LEAF,
            Optional.empty(),
            LintContext.at(START.plus(Duration.ofHours(20))));
    assertEquals(List.of(), f);
  }

  @Test
  void effectiveExpiryIsTheLeafsWhenCasOutliveIt() {
    Chain chain = new Chain(List.of(day, root.facts()), true, Optional.empty());
    EffectiveExpiry e = ChainLints.effectiveExpiry(chain);
    assertEquals(day.notAfter(), e.notAfter());
    assertFalse(e.limitedByCa(chain));
    assertEquals(List.of(), ChainLints.lint(chain, LintContext.at(START)));
  }

  @Test
  void effectiveExpiryIsTheEarliestCa() {
    TestPki.Issued shortCa =
        pki.intermediate(root, "CN=ca")
            .validity(START.minus(Duration.ofDays(1)), START.plus(Duration.ofHours(6)))
            .issue();
    CertificateFacts leaf =
        pki.leaf(shortCa).uriSan("spiffe://cluster.local/ns/a/sa/b").issue().facts();
    Chain chain = new Chain(List.of(leaf, shortCa.facts(), root.facts()), true, Optional.empty());
    EffectiveExpiry e = ChainLints.effectiveExpiry(chain);
    assertEquals(START.plus(Duration.ofHours(6)), e.notAfter());
    assertEquals(shortCa.facts(), e.limitedBy());
    List<Finding> f = ChainLints.lint(chain, LintContext.at(START));
    assertEquals(Set.of("ROTATION-CHAIN-EXPIRES-EARLY"), ids(f));
    assertEquals(Optional.of(shortCa.facts().sha256()), f.get(0).certificateSha256());
  }

  private List<Finding> lint(Instant at) {
    return CertificateLints.lint(day, CertificateRole.LEAF, Optional.of(ISTIO), LintContext.at(at));
  }
}
