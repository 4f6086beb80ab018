package dev.meshcert.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.testpki.TestPki;
import dev.meshcert.testpki.TestPki.Issued;
import java.util.List;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.Test;

class NameConstraintsTest {

  private final TestPki pki = new TestPki();
  private final PathValidator validator = new PathValidator();

  private static GeneralSubtree[] trees(GeneralName... names) {
    GeneralSubtree[] out = new GeneralSubtree[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = new GeneralSubtree(names[i]);
    }
    return out;
  }

  private static GeneralName dns(String d) {
    return new GeneralName(GeneralName.dNSName, d);
  }

  private static GeneralName uri(String u) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, u);
  }

  private static GeneralName email(String e) {
    return new GeneralName(GeneralName.rfc822Name, new DERIA5String(e));
  }

  private static GeneralName ipRange(byte[] addressAndMask) {
    return new GeneralName(GeneralName.iPAddress, new DEROctetString(addressAndMask));
  }

  private Issued constrainedRoot(GeneralSubtree[] permitted, GeneralSubtree[] excluded)
      throws Exception {
    return pki.root("CN=Constrained Root")
        .extension(
            Extension.nameConstraints, true, new NameConstraints(permitted, excluded).getEncoded())
        .issue();
  }

  private TrustVerdict validate(Issued leaf, Issued root, Issued... intermediates) {
    return validator.validate(
        leaf.facts(), List.of(root.facts()), PathValidatorTest.facts(intermediates), TestPki.NOW);
  }

  private static void assertViolates(TrustVerdict v, String fragment) {
    assertFalse(v.trusted(), v.reason());
    FailedPath f = v.closestFailure().orElseThrow();
    assertEquals(List.of(ChainRule.NAME_CONSTRAINTS), PathValidatorTest.rules(f));
    assertTrue(f.reason().contains(fragment), f.reason());
  }

  @Test
  void permitsADnsNameUnderThePermittedDomain() throws Exception {
    Issued root = constrainedRoot(trees(dns("example.com")), null);
    Issued leaf = pki.leaf(root).subject("").dnsSan("foo.bar.example.com").issue();

    assertTrue(validate(leaf, root).trusted());
  }

  @Test
  void rejectsADnsNameOutsideThePermittedDomain() throws Exception {
    Issued root = constrainedRoot(trees(dns("example.com")), null);
    Issued leaf = pki.leaf(root).subject("").dnsSan("notexample.com").issue();

    assertViolates(validate(leaf, root), "DNS notexample.com is outside the permitted DNS");
  }

  @Test
  void rejectsASpiffeIdFromAnotherTrustDomain() throws Exception {
    Issued root = constrainedRoot(trees(uri("cluster.local")), null);
    Issued leaf = pki.leaf(root).uriSan("spiffe://other.example/ns/a/sa/b").issue();

    assertViolates(
        validate(leaf, root), "URI spiffe://other.example/ns/a/sa/b is outside the permitted URI");
  }

  @Test
  void permitsASpiffeIdOfThePermittedTrustDomain() throws Exception {
    Issued root = constrainedRoot(trees(uri("cluster.local")), null);
    Issued leaf = pki.leaf(root).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();

    assertTrue(validate(leaf, root).trusted());
  }

  @Test
  void rejectsAnIpAddressInAnExcludedRange() throws Exception {
    Issued root =
        constrainedRoot(null, trees(ipRange(new byte[] {10, 0, 0, 0, (byte) 255, 0, 0, 0})));
    Issued leaf = pki.leaf(root).subject("CN=pod").ipSan("10.1.2.3").issue();

    assertViolates(
        validate(leaf, root), "IP 10.1.2.3 is inside the excluded subtree IP 10.0.0.0/255.0.0.0");
  }

  @Test
  void rejectsAnEmailOutsideThePermittedHost() throws Exception {
    Issued root = constrainedRoot(trees(email("example.com")), null);
    Issued leaf =
        pki.leaf(root)
            .subject("CN=mail")
            .extension(
                Extension.subjectAlternativeName,
                false,
                new org.bouncycastle.asn1.x509.GeneralNames(email("a@evil.example")).getEncoded())
            .issue();

    assertViolates(validate(leaf, root), "email a@evil.example is outside the permitted email");
  }

  @Test
  void rejectsASubjectOutsideThePermittedDirectoryName() throws Exception {
    Issued root = constrainedRoot(trees(new GeneralName(new X500Name("O=Mesh"))), null);
    Issued leaf = pki.leaf(root).subject("O=Other,CN=svc").issue();

    assertViolates(validate(leaf, root), "directory name");
  }

  @Test
  void appliesAnIntermediatesConstraintsToTheLeafOnly() throws Exception {
    Issued root = pki.root("CN=Root").issue();
    Issued inter =
        pki.intermediate(root, "CN=Inter")
            .dnsSan("outside.test")
            .extension(
                Extension.nameConstraints,
                true,
                new NameConstraints(trees(dns("mesh.test")), null).getEncoded())
            .issue();
    Issued leaf = pki.leaf(inter).subject("").dnsSan("api.mesh.test").issue();

    assertTrue(validate(leaf, root, inter).trusted());
  }

  @Test
  void rejectsConstraintsInACertificateThatIsNotACa() throws Exception {
    Issued root = pki.root("CN=Root").issue();
    Issued leaf =
        pki.leaf(root)
            .subject("CN=leaf")
            .extension(
                Extension.nameConstraints,
                false,
                new NameConstraints(trees(dns("example.com")), null).getEncoded())
            .issue();

    assertViolates(validate(leaf, root), "has name constraints but is not a CA");
  }

  @Test
  void rejectsAWildcardDnsConstraintAsMalformed() throws Exception {
    Issued root = constrainedRoot(trees(dns("*.example.com")), null);
    Issued leaf = pki.leaf(root).subject("").dnsSan("a.example.com").issue();

    assertViolates(validate(leaf, root), "are malformed");
  }
}
