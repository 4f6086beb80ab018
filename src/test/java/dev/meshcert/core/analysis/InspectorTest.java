package dev.meshcert.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.expiry.ExpiryState;
import dev.meshcert.core.finding.ExpectedIdentity;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InspectorTest {

  private final TestPki pki = new TestPki();
  private final TestPki.Issued root = pki.root("O=cluster.local").issue();
  private final TestPki.Issued intermediate = pki.intermediate(root, "CN=Istio CA").issue();
  private final TestPki.Issued leaf =
      pki.leaf(intermediate).uriSan("spiffe://cluster.local/ns/shop/sa/cart").issue();
  private final Inspector inspector = new Inspector(InputReader.standard()::read);

  private static InspectionInput input(String name, String text) {
    return new InspectionInput(name, text.getBytes(StandardCharsets.US_ASCII));
  }

  private Analysis inspect(InspectionInput... inputs) {
    return inspector.inspect(List.of(inputs), InspectOptions.at(TestPki.CLOCK));
  }

  @Test
  void buildsOneChainAcrossInputsFromLeafToRoot() {
    Analysis a =
        inspect(
            input("leaf.pem", leaf.pem()),
            input("ca.pem", intermediate.pem()),
            input("root.pem", root.pem()));

    assertEquals(1, a.chains().size());
    assertEquals(
        List.of(leaf.facts(), intermediate.facts(), root.facts()),
        a.chains().get(0).chain().certificates());
  }

  @Test
  void reportsACertificateReadTwiceOnce() {
    Analysis a = inspect(input("a.pem", root.pem()), input("b.pem", root.pem()));

    assertEquals(1, a.certificates().size());
    assertEquals(2, a.sources().size());
  }

  @Test
  void keepsSourcesInInputOrder() {
    Analysis a = inspect(input("b.pem", root.pem()), input("a.pem", leaf.pem()));

    assertEquals(List.of("b.pem", "a.pem"), a.sources().stream().map(s -> s.name()).toList());
  }

  @Test
  void judgesExpiryAtTheClockInstant() {
    Clock later = Clock.fixed(TestPki.NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC);

    Analysis a =
        inspector.inspect(List.of(input("leaf.pem", leaf.pem())), InspectOptions.at(later));

    assertEquals(ExpiryState.EXPIRED, a.certificates().get(0).expiry().state());
    assertEquals(later.instant(), a.at());
  }

  @Test
  void parsesTheSpiffeIdOfALeaf() {
    Analysis a = inspect(input("leaf.pem", leaf.pem()));

    CertificateReport r = a.certificates().get(0);
    assertEquals("spiffe://cluster.local/ns/shop/sa/cart", r.spiffeId().orElseThrow().uri());
  }

  @Test
  void hasNoSpiffeIdWhenTheUriIsNotAValidOne() {
    TestPki.Issued bad = pki.leaf(root).uriSan("spiffe://Bad_Domain/ns/a").issue();

    Analysis a = inspect(input("bad.pem", bad.pem()));

    assertEquals(Optional.empty(), a.certificates().get(0).spiffeId());
  }

  @Test
  void matchesAKeyToTheCertificateOfAnotherInput() {
    String key = leaf.keyPkcs8Pem();

    Analysis a = inspect(input("tls.crt", leaf.pem()), input("tls.key", key));

    assertEquals(
        Optional.of(leaf.facts().sha256()),
        a.sources().get(1).keys().get(0).matchedCertificateSha256());
  }

  @Test
  void leavesAKeyUnmatchedWhenNoCertificateHasItsPublicKey() {
    String key = root.keyPkcs8Pem();

    Analysis a = inspect(input("tls.crt", leaf.pem()), input("tls.key", key));

    assertEquals(Optional.empty(), a.sources().get(1).keys().get(0).matchedCertificateSha256());
  }

  @Test
  void anUnreadableInputBecomesASourceWithProblems() {
    Analysis a = inspect(input("junk", "hello"), input("root.pem", root.pem()));

    assertTrue(a.sources().get(0).isEmpty());
    assertFalse(a.sources().get(0).problems().isEmpty());
    assertEquals(List.of(a.sources().get(0)), a.unreadable());
  }

  @Test
  void readsTrustAnchorsAsTheirOwnSources() {
    InspectOptions options =
        InspectOptions.at(TestPki.CLOCK).withTrustAnchors(List.of(input("roots.pem", root.pem())));

    Analysis a = inspector.inspect(List.of(input("leaf.pem", leaf.pem())), options);

    assertEquals(1, a.trustSources().size());
    assertEquals(1, a.certificates().size());
  }

  @Test
  void verifiesChainsAgainstTheTrustAnchors() {
    InspectOptions options =
        InspectOptions.at(TestPki.CLOCK).withTrustAnchors(List.of(input("roots.pem", root.pem())));

    Analysis a =
        inspector.inspect(
            List.of(input("leaf.pem", leaf.pem()), input("ca.pem", intermediate.pem())), options);

    ChainReport chain = a.chains().get(0);
    assertTrue(chain.trusted(), chain.reason());
    assertEquals(
        List.of(leaf.facts(), intermediate.facts(), root.facts()),
        chain.verdict().verifiedPath().orElseThrow());
  }

  @Test
  void anUntrustedChainCarriesAnErrorFinding() {
    TestPki.Issued other = pki.root("O=other").issue();
    InspectOptions options =
        InspectOptions.at(TestPki.CLOCK).withTrustAnchors(List.of(input("other.pem", other.pem())));

    Analysis a =
        inspector.inspect(List.of(input("all.pem", leaf.pem() + intermediate.pem())), options);

    assertFalse(a.chains().get(0).trusted());
    assertTrue(a.hasErrors());
  }

  @Test
  void lintsEachCertificateInItsRoleFromTheChain() {
    TestPki.Issued caLeaf =
        pki.leaf(root).ca(true, null).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();

    Analysis a = inspect(input("bundle.pem", caLeaf.pem() + root.pem()));

    List<String> rules =
        a.certificate(caLeaf.facts().sha256()).orElseThrow().findings().stream()
            .map(f -> f.rule())
            .toList();
    assertTrue(rules.contains("SVID-LEAF-CA"), rules.toString());
    assertTrue(a.hasErrors());
  }

  @Test
  void reportsAnIdentityOtherThanThePodsAsAnError() {
    InspectOptions options =
        InspectOptions.at(TestPki.CLOCK)
            .withExpectedIdentity(new ExpectedIdentity("shop", "checkout"));

    Analysis a =
        inspector.inspect(
            List.of(input("chain.pem", leaf.pem() + intermediate.pem() + root.pem())), options);

    assertTrue(a.hasErrors(), a.findings().toString());
  }

  @Test
  void hasNoErrorsForAWellFormedValidIstioChain() {
    Analysis a = inspect(input("chain.pem", leaf.pem() + intermediate.pem() + root.pem()));

    assertFalse(a.hasErrors(), a.findings().toString());
  }

  @Test
  void inspectsNothingToAnEmptyAnalysis() {
    Analysis a = inspect();

    assertTrue(a.chains().isEmpty());
    assertTrue(a.certificates().isEmpty());
    assertFalse(a.hasErrors());
  }
}
