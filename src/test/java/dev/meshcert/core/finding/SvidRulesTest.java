package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Certs.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.Test;

/** Each X.509-SVID rule with a generated certificate that keeps it and one that breaks it. */
class SvidRulesTest {

  private static final String LEAF_ID = "spiffe://example.org/ns/default/sa/web";
  private static final int LEAF_KU = KeyUsage.digitalSignature | KeyUsage.keyEncipherment;

  private final TestPki pki = new TestPki();
  private final TestPki.Issued root =
      pki.root("O=example.org").uriSan("spiffe://example.org").issue();
  private final TestPki.Issued ca =
      pki.intermediate(root, "O=example.org,CN=ca").uriSan("spiffe://example.org").issue();

  @Test
  void conformingLeafHasNoFindings() {
    assertEquals(List.of(), leaf(pki.leaf(ca).uriSan(LEAF_ID)));
  }

  @Test
  void conformingSigningCertificateHasNoFindings() {
    assertEquals(List.of(), signing(pki.intermediate(root, "CN=x").uriSan("spiffe://example.org")));
  }

  @Test
  void flagsLeafWithTwoUriSans() {
    assertEquals(
        Set.of("SVID-URI-SAN-MULTIPLE"),
        ids(leaf(pki.leaf(ca).uriSan(LEAF_ID).uriSan("spiffe://example.org/other"))));
  }

  @Test
  void acceptsDnsSansBesideTheSpiffeId() {
    assertEquals(List.of(), leaf(pki.leaf(ca).uriSan(LEAF_ID).dnsSan("web.default.svc")));
  }

  @Test
  void flagsLeafWithoutUriSan() {
    assertEquals(
        Set.of("SVID-URI-SAN-MISSING"),
        ids(leaf(pki.leaf(ca).subject("CN=web").dnsSan("web.default.svc"))));
  }

  @Test
  void flagsLeafWhoseIdHasNoPath() {
    assertEquals(
        Set.of("SVID-LEAF-ROOT-PATH"), ids(leaf(pki.leaf(ca).uriSan("spiffe://example.org"))));
  }

  @Test
  void reportsSpiffeIdRuleOfTheUriSan() {
    List<Finding> f = leaf(pki.leaf(ca).uriSan("spiffe://Example.org/ns/a/sa/b"));
    assertEquals(Set.of("SPIFFE-ID-TRUST-DOMAIN-CASE"), ids(f));
    assertEquals("SPIFFE-ID §2.1 (ID-5)", f.get(0).reference());
    assertTrue(f.get(0).explanation().contains("'E' at index 9"), f.get(0).explanation());
  }

  @Test
  void reportsNonSpiffeSchemeOfTheOnlyUriSan() {
    assertEquals(
        Set.of("SPIFFE-ID-SCHEME"), ids(leaf(pki.leaf(ca).uriSan("https://example.org/web"))));
  }

  @Test
  void flagsLeafThatIsCa() {
    assertEquals(Set.of("SVID-LEAF-CA"), ids(leaf(pki.leaf(ca).uriSan(LEAF_ID).ca(true, null))));
  }

  @Test
  void flagsMissingKeyUsage() {
    assertEquals(
        Set.of("SVID-KEY-USAGE-MISSING"),
        ids(leaf(pki.leaf(ca).uriSan(LEAF_ID).keyUsage(true, null))));
  }

  @Test
  void warnsAboutKeyUsageNotCritical() {
    List<Finding> f = leaf(pki.leaf(ca).uriSan(LEAF_ID).keyUsage(false, LEAF_KU));
    assertEquals(Set.of("SVID-KEY-USAGE-NOT-CRITICAL"), ids(f, Severity.WARNING));
    assertEquals(Set.of(), ids(f, Severity.ERROR));
  }

  @Test
  void flagsLeafWithoutDigitalSignature() {
    assertEquals(
        Set.of("SVID-LEAF-NO-DIGITAL-SIGNATURE"),
        ids(leaf(pki.leaf(ca).uriSan(LEAF_ID).keyUsage(true, KeyUsage.keyEncipherment))));
  }

  @Test
  void flagsLeafWithKeyCertSign() {
    assertEquals(
        Set.of("SVID-LEAF-KEY-CERT-SIGN"),
        ids(leaf(pki.leaf(ca).uriSan(LEAF_ID).keyUsage(true, LEAF_KU | KeyUsage.keyCertSign))));
  }

  @Test
  void flagsLeafWithCrlSign() {
    assertEquals(
        Set.of("SVID-LEAF-CRL-SIGN"),
        ids(leaf(pki.leaf(ca).uriSan(LEAF_ID).keyUsage(true, LEAF_KU | KeyUsage.cRLSign))));
  }

  @Test
  void acceptsLeafWithKeyAgreement() {
    assertEquals(
        List.of(),
        leaf(
            pki.leaf(ca)
                .uriSan(LEAF_ID)
                .keyUsage(true, KeyUsage.digitalSignature | KeyUsage.keyAgreement)));
  }

  @Test
  void notesLeafWithoutExtendedKeyUsage() {
    List<Finding> f = leaf(pki.leaf(ca).uriSan(LEAF_ID).extendedKeyUsage());
    assertEquals(Set.of("SVID-LEAF-EKU-MISSING"), ids(f, Severity.INFO));
    assertEquals(1, f.size());
  }

  @Test
  void flagsLeafWhoseExtendedKeyUsageLacksClientAuth() {
    assertEquals(
        Set.of("SVID-LEAF-EKU-INCOMPLETE"),
        ids(leaf(pki.leaf(ca).uriSan(LEAF_ID).extendedKeyUsage(KeyPurposeId.id_kp_serverAuth))));
  }

  @Test
  void flagsSigningCertificateThatIsNotCa() {
    List<Finding> f =
        signing(pki.intermediate(root, "CN=x").uriSan("spiffe://example.org").ca(false, null));
    assertEquals(Set.of("SVID-SIGNING-NOT-CA"), ids(f));
    assertTrue(f.get(0).explanation().startsWith("basicConstraints says cA=false"));
  }

  @Test
  void flagsSigningCertificateWithoutBasicConstraints() {
    List<Finding> f =
        signing(pki.intermediate(root, "CN=x").uriSan("spiffe://example.org").ca(null, null));
    assertEquals(Set.of("SVID-SIGNING-NOT-CA"), ids(f));
    assertTrue(f.get(0).explanation().startsWith("It has no basicConstraints extension"));
  }

  @Test
  void flagsSigningCertificateWithoutKeyCertSign() {
    assertEquals(
        Set.of("SVID-SIGNING-NO-KEY-CERT-SIGN"),
        ids(
            signing(
                pki.intermediate(root, "CN=x")
                    .uriSan("spiffe://example.org")
                    .keyUsage(true, KeyUsage.cRLSign))));
  }

  @Test
  void flagsSigningCertificateWhoseIdHasAPath() {
    assertEquals(
        Set.of("SVID-SIGNING-ID-HAS-PATH"),
        ids(signing(pki.intermediate(root, "CN=x").uriSan("spiffe://example.org/ca"))));
  }

  @Test
  void notesDigitalSignatureOnSigningCertificate() {
    List<Finding> f =
        signing(
            pki.intermediate(root, "CN=x")
                .uriSan("spiffe://example.org")
                .keyUsage(true, KeyUsage.keyCertSign | KeyUsage.digitalSignature));
    assertEquals(Set.of("SVID-SIGNING-DIGITAL-SIGNATURE"), ids(f, Severity.INFO));
    assertEquals(1, f.size());
  }

  @Test
  void notesSigningCertificateWithoutSpiffeId() {
    List<Finding> f = signing(pki.intermediate(root, "CN=x"));
    assertEquals(Set.of("SVID-SIGNING-NOT-SVID"), ids(f, Severity.INFO));
    assertEquals(1, f.size());
  }

  @Test
  void notesUriNameConstraints() throws Exception {
    byte[] nc =
        new NameConstraints(
                new GeneralSubtree[] {
                  new GeneralSubtree(
                      new GeneralName(GeneralName.uniformResourceIdentifier, "example.org"))
                },
                null)
            .getEncoded();
    List<Finding> f =
        signing(
            pki.intermediate(root, "CN=x")
                .uriSan("spiffe://example.org")
                .extension(Extension.nameConstraints, true, nc));
    assertEquals(Set.of("SVID-SIGNING-URI-NAME-CONSTRAINTS"), ids(f));
  }

  @Test
  void doesNotHoldTrustAnchorWithoutSpiffeIdToSvidRules() {
    TestPki.Issued anchor = pki.root("CN=old root").keyUsage(true, null).issue();
    List<Finding> f =
        CertificateLints.lint(
            anchor.facts(), CertificateRole.ROOT, Optional.of(new MeshProfile.Spiffe()), ctx());
    assertEquals(Set.of("SVID-SIGNING-NOT-SVID"), ids(f));
  }

  @Test
  void holdsTrustAnchorWithSpiffeIdToSigningRules() {
    TestPki.Issued anchor =
        pki.root("CN=root").uriSan("spiffe://example.org").keyUsage(true, null).issue();
    List<Finding> f =
        CertificateLints.lint(
            anchor.facts(), CertificateRole.ROOT, Optional.of(new MeshProfile.Spiffe()), ctx());
    assertEquals(Set.of("SVID-KEY-USAGE-MISSING"), ids(f));
  }

  @Test
  void warnsWhenSignerIsInAnotherTrustDomain() {
    TestPki.Issued other = pki.intermediate(root, "CN=other").uriSan("spiffe://other.org").issue();
    TestPki.Issued leaf = pki.leaf(other).uriSan(LEAF_ID).issue();
    Chain chain =
        new Chain(List.of(leaf.facts(), other.facts(), root.facts()), true, Optional.empty());
    List<Finding> f = ChainLints.lint(chain, ctx());
    assertEquals(Set.of("SVID-SIGNING-TRUST-DOMAIN"), ids(f));
    assertEquals(Optional.of(other.facts().sha256()), f.get(0).certificateSha256());
  }

  @Test
  void acceptsSignersOfTheLeafsTrustDomain() {
    TestPki.Issued leaf = pki.leaf(ca).uriSan(LEAF_ID).issue();
    Chain chain =
        new Chain(List.of(leaf.facts(), ca.facts(), root.facts()), true, Optional.empty());
    assertEquals(List.of(), ChainLints.lint(chain, ctx()));
  }

  @Test
  void appliesNoSvidRuleWithoutSpiffeProfile() {
    CertificateFacts bad =
        pki.leaf(ca).uriSan(LEAF_ID).ca(true, null).keyUsage(true, null).issue().facts();
    List<Finding> f = CertificateLints.lint(bad, CertificateRole.LEAF, Optional.empty(), ctx());
    assertFalse(ids(f).stream().anyMatch(id -> id.startsWith("SVID-")), f::toString);
  }

  private static LintContext ctx() {
    return LintContext.at(TestPki.NOW);
  }

  private static List<Finding> leaf(TestPki.Builder b) {
    return CertificateLints.lint(
        b.issue().facts(), CertificateRole.LEAF, Optional.of(new MeshProfile.Spiffe()), ctx());
  }

  private static List<Finding> signing(TestPki.Builder b) {
    return CertificateLints.lint(
        b.issue().facts(),
        CertificateRole.INTERMEDIATE,
        Optional.of(new MeshProfile.Spiffe()),
        ctx());
  }
}
