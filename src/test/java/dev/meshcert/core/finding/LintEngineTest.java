package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Certs.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LintEngineTest {

  private final TestPki pki = new TestPki();
  private final TestPki.Issued root = pki.root("CN=root").uriSan("spiffe://example.org").issue();
  private final LintContext ctx = LintContext.at(TestPki.NOW);

  @Test
  void lintsEachCertificateOnce() {
    CertificateFacts leaf = pki.leaf(root).uriSan("spiffe://example.org/a").issue().facts();
    LintReport r = LintEngine.lint(List.of(leaf, leaf, root.facts()), List.of(), ctx);
    assertEquals(
        List.of(leaf.sha256(), root.facts().sha256()), List.copyOf(r.byCertificate().keySet()));
  }

  @Test
  void lintsCertificateOutsideAnyChainOnItsOwn() {
    CertificateFacts expired =
        pki.leaf(root)
            .subject("CN=old")
            .validity(TestPki.NOW.minus(Duration.ofDays(3)), TestPki.NOW.minus(Duration.ofDays(2)))
            .issue()
            .facts();
    LintReport r = LintEngine.lint(List.of(expired), List.of(), ctx);
    assertEquals(Set.of("VALIDITY-EXPIRED"), ids(r.forCertificate(expired.sha256())));
  }

  @Test
  void treatsACertificateThatSignedAnotherAsSigningCertificate() {
    TestPki.Issued odd = pki.leaf(root).uriSan("spiffe://example.org").subject("CN=odd").issue();
    CertificateFacts below = pki.leaf(odd).uriSan("spiffe://example.org/w").issue().facts();
    List<Chain> chains =
        List.of(
            new Chain(List.of(odd.facts()), false, Optional.of("CN=root")),
            new Chain(List.of(below, odd.facts()), false, Optional.of("CN=root")));
    LintReport r = LintEngine.lint(List.of(below, odd.facts()), chains, ctx);
    Set<String> oddRules = ids(r.forCertificate(odd.facts().sha256()));
    assertTrue(oddRules.contains("SVID-SIGNING-NOT-CA"), oddRules::toString);
    assertFalse(oddRules.contains("SVID-LEAF-ROOT-PATH"), oddRules::toString);
  }

  @Test
  void reportsChainFindingsInChainOrder() {
    TestPki.Issued other = pki.intermediate(root, "CN=other").uriSan("spiffe://other.org").issue();
    CertificateFacts mixed = pki.leaf(other).uriSan("spiffe://example.org/w").issue().facts();
    CertificateFacts fine = pki.leaf(root).uriSan("spiffe://example.org/v").issue().facts();
    List<Chain> chains =
        List.of(
            new Chain(List.of(fine, root.facts()), true, Optional.empty()),
            new Chain(List.of(mixed, other.facts(), root.facts()), true, Optional.empty()));
    LintReport r = LintEngine.lint(List.of(fine, mixed, other.facts(), root.facts()), chains, ctx);
    assertEquals(List.of(), r.byChain().get(0));
    assertEquals(Set.of("SVID-SIGNING-TRUST-DOMAIN"), ids(r.byChain().get(1)));
  }

  @Test
  void saysWhetherAnyFindingIsAnError() {
    CertificateFacts fine = pki.leaf(root).uriSan("spiffe://example.org/v").issue().facts();
    CertificateFacts ca =
        pki.leaf(root).uriSan("spiffe://example.org/v").ca(true, null).issue().facts();
    assertFalse(LintEngine.lint(List.of(fine), List.of(), ctx).hasErrors());
    assertTrue(LintEngine.lint(List.of(ca), List.of(), ctx).hasErrors());
  }

  @Test
  void usesTheContextsProfileForEveryCertificate() {
    CertificateFacts dnsOnly = pki.leaf(root).subject("CN=web").dnsSan("web").issue().facts();
    LintReport detected = LintEngine.lint(List.of(dnsOnly), List.of(), ctx);
    LintReport told =
        LintEngine.lint(List.of(dnsOnly), List.of(), ctx.withProfile(new MeshProfile.Spiffe()));
    assertEquals(List.of(), detected.forCertificate(dnsOnly.sha256()));
    assertEquals(Set.of("SVID-URI-SAN-MISSING"), ids(told.forCertificate(dnsOnly.sha256())));
  }
}
