package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Certs.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pod's namespace and service account against the ones the leaf names. */
class IdentityRulesTest {

  private static final ExpectedIdentity POD = new ExpectedIdentity("payments", "api");

  private final TestPki pki = new TestPki();
  private final TestPki.Issued root = pki.root("O=cluster.local").issue();

  @Test
  void acceptsSpiffeIdOfThePod() {
    assertEquals(
        List.of(), lint(pki.leaf(root).uriSan("spiffe://cluster.local/ns/payments/sa/api")));
  }

  @Test
  void flagsSpiffeIdOfAnotherNamespace() {
    List<Finding> f = lint(pki.leaf(root).uriSan("spiffe://cluster.local/ns/default/sa/api"));
    assertEquals(Set.of("IDENTITY-NAMESPACE-MISMATCH"), ids(f));
    assertTrue(f.get(0).explanation().startsWith("The certificate names namespace 'default'"));
  }

  @Test
  void flagsSpiffeIdOfAnotherServiceAccount() {
    assertEquals(
        Set.of("IDENTITY-SERVICE-ACCOUNT-MISMATCH"),
        ids(lint(pki.leaf(root).uriSan("spiffe://cluster.local/ns/payments/sa/default"))));
  }

  @Test
  void flagsBothWhenNeitherMatches() {
    assertEquals(
        Set.of("IDENTITY-NAMESPACE-MISMATCH", "IDENTITY-SERVICE-ACCOUNT-MISMATCH"),
        ids(lint(pki.leaf(root).uriSan("spiffe://cluster.local/ns/default/sa/default"))));
  }

  @Test
  void acceptsLinkerdNameOfThePod() {
    assertEquals(
        List.of(),
        lint(pki.leaf(root).dnsSan("api.payments.serviceaccount.identity.linkerd.cluster.local")));
  }

  @Test
  void flagsLinkerdNameOfAnotherServiceAccount() {
    assertEquals(
        Set.of("IDENTITY-SERVICE-ACCOUNT-MISMATCH"),
        ids(
            lint(
                pki.leaf(root)
                    .dnsSan("web.payments.serviceaccount.identity.linkerd.cluster.local"))));
  }

  @Test
  void warnsWhenNoKubernetesIdentityIsReadable() {
    assertEquals(
        Set.of("IDENTITY-UNRECOGNISED"),
        ids(lint(pki.leaf(root).uriSan("spiffe://cluster.local/workload/api"))));
  }

  @Test
  void checksNothingWithoutAKnownPod() {
    List<Finding> f =
        CertificateLints.lint(
            pki.leaf(root).uriSan("spiffe://cluster.local/ns/default/sa/x").issue().facts(),
            CertificateRole.LEAF,
            Optional.empty(),
            LintContext.at(TestPki.NOW));
    assertEquals(List.of(), f);
  }

  @Test
  void checksOnlyLeaves() {
    List<Finding> f =
        CertificateLints.lint(
            pki.intermediate(root, "CN=ca").issue().facts(),
            CertificateRole.INTERMEDIATE,
            Optional.empty(),
            LintContext.at(TestPki.NOW).withExpectedIdentity(POD));
    assertEquals(List.of(), f);
  }

  private static List<Finding> lint(TestPki.Builder b) {
    return CertificateLints.lint(
        b.issue().facts(),
        CertificateRole.LEAF,
        Optional.empty(),
        LintContext.at(TestPki.NOW).withExpectedIdentity(POD));
  }
}
