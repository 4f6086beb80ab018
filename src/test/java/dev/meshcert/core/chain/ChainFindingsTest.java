package dev.meshcert.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.finding.Severity;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.testpki.TestPki.Issued;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainFindingsTest {

  private final TestPki pki = new TestPki();
  private final SignatureVerifier verifier = new SignatureVerifier();
  private final ChainBuilder builder = new ChainBuilder(verifier);
  private final PathValidator validator = new PathValidator(verifier);

  private static List<String> ruleIds(List<Finding> findings) {
    return findings.stream().map(Finding::rule).toList();
  }

  @Test
  void aTrustedChainHasNoFindings() {
    Issued root = pki.root("CN=Root").issue();
    Issued leaf = pki.leaf(root).uriSan("spiffe://td/a").issue();
    Chain chain = builder.build(PathValidatorTest.facts(leaf, root)).get(0);

    TrustVerdict v =
        validator.validate(leaf.facts(), List.of(root.facts()), chain.certificates(), TestPki.NOW);

    assertEquals(List.of(), ChainFindings.of(chain, v, TestPki.NOW));
  }

  @Test
  void anUntrustedChainIsAnErrorWithItsReasonsPerLink() {
    Issued root = pki.root("CN=Root").issue();
    Issued inter =
        pki.intermediate(root, "CN=Inter")
            .validity(TestPki.NOW.minus(Duration.ofDays(10)), TestPki.NOW.minus(Duration.ofDays(1)))
            .issue();
    Issued leaf = pki.leaf(inter).uriSan("spiffe://td/a").issue();
    Chain chain = builder.build(PathValidatorTest.facts(leaf, inter, root)).get(0);
    TrustVerdict v =
        validator.validate(leaf.facts(), List.of(root.facts()), chain.certificates(), TestPki.NOW);

    List<Finding> findings = ChainFindings.of(chain, v, TestPki.NOW);

    assertEquals(List.of("CHAIN-UNTRUSTED", "CHAIN-LINK-EXPIRED"), ruleIds(findings));
    assertEquals(Severity.ERROR, findings.get(0).severity());
    assertEquals(Optional.empty(), findings.get(0).certificateSha256());
    assertEquals(Optional.of(inter.facts().sha256()), findings.get(1).certificateSha256());
    assertEquals("RFC 5280 §6.1.3 (a)(2)", findings.get(1).reference());
  }

  @Test
  void withoutAnchorsReportsTheChainsOwnProblemsAndAnInfo() {
    Issued root = pki.root("CN=Root").issue();
    Issued inter = pki.intermediate(root, "CN=Inter").issue();
    Issued leaf = pki.leaf(inter).uriSan("spiffe://td/a").issue();
    Chain chain = builder.build(PathValidatorTest.facts(leaf, inter)).get(0);
    TrustVerdict v = validator.validate(leaf.facts(), List.of(), chain.certificates(), TestPki.NOW);

    List<Finding> findings = ChainFindings.of(chain, v, TestPki.NOW);

    assertEquals(List.of("CHAIN-NO-ANCHORS", "CHAIN-MISSING-ISSUER"), ruleIds(findings));
    assertEquals(Severity.INFO, findings.get(0).severity());
    assertEquals(Severity.WARNING, findings.get(1).severity());
    assertTrue(findings.get(1).explanation().contains("(CN=Root)"), findings.get(1).explanation());
  }

  @Test
  void aVersion1RootIsNotReportedAsANonCaIssuer() {
    String dir = "istio/security/pkg/pki/testdata/multilevelpki/";
    List<dev.meshcert.core.cert.CertificateFacts> certs = new java.util.ArrayList<>();
    certs.addAll(Pems.corpus(dir + "int2-cert-chain.pem"));
    Chain chain = builder.build(certs).get(0);
    assertEquals(1, chain.top().version());

    List<Finding> findings = ChainFindings.of(chain, TestPki.NOW);

    assertEquals(List.of(), findings);
  }

  @Test
  void everyRuleHasAnIdTitleExplanationAndReference() {
    for (ChainRule rule : ChainRule.values()) {
      assertTrue(rule.id().matches("CHAIN-[A-Z-]+"), rule.id());
      assertTrue(!rule.title().isBlank() && !rule.explanation().isBlank(), rule.id());
      assertTrue(rule.reference().startsWith("RFC"), rule.id());
    }
  }
}
