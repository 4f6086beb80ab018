package dev.meshcert.core.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolesTest {

  private final TestPki pki = new TestPki();
  private final TestPki.Issued root = pki.root("CN=root").issue();

  @Test
  void leafWithSpiffePathIsALeafEvenWhenItClaimsCa() {
    CertificateFacts c =
        pki.leaf(root).uriSan("spiffe://td/ns/a/sa/b").ca(true, null).issue().facts();
    assertEquals(CertificateRole.LEAF, Roles.fromShape(c));
  }

  @Test
  void selfSignedCaIsRoot() {
    assertEquals(CertificateRole.ROOT, Roles.fromShape(root.facts()));
  }

  @Test
  void caSignedByAnotherIsIntermediate() {
    assertEquals(
        CertificateRole.INTERMEDIATE,
        Roles.fromShape(pki.intermediate(root, "CN=ca").issue().facts()));
  }

  @Test
  void selfIssuedButNotSelfSignedIsNotSelfSigned() {
    CertificateFacts linkerdIssuer = Certs.corpus("linkerd/cli/cmd/testdata/valid-crt.pem").get(0);
    assertTrue(linkerdIssuer.selfIssued());
    assertFalse(Roles.selfSigned(linkerdIssuer));
    assertEquals(CertificateRole.INTERMEDIATE, Roles.fromShape(linkerdIssuer));
  }

  @Test
  void selfSignedWithoutKeyIdentifiersIsCheckedBySignature() {
    CertificateFacts anchor = pki.root("CN=bare").noKeyIdentifiers().issue().facts();
    assertTrue(Roles.selfSigned(anchor));
  }

  @Test
  void selfIssuedWithoutKeyIdentifiersSignedByAnotherKeyIsNotSelfSigned() {
    TestPki.Issued first = pki.root("CN=same").noKeyIdentifiers().issue();
    CertificateFacts second = pki.intermediate(first, "CN=same").noKeyIdentifiers().issue().facts();
    assertTrue(second.selfIssued());
    assertFalse(Roles.selfSigned(second));
  }

  @Test
  void signerInAChainIsACaWhateverItsShape() {
    CertificateFacts notCa = pki.leaf(root).subject("CN=odd").issue().facts();
    CertificateFacts below = pki.leaf(root).subject("CN=below").issue().facts();
    Chain chain = new Chain(List.of(below, notCa), false, Optional.of("CN=root"));
    assertEquals(
        List.of(CertificateRole.LEAF, CertificateRole.INTERMEDIATE),
        ChainLints.roles(chain, LintContext.at(TestPki.NOW)));
  }

  @Test
  void hintWins() {
    LintContext ctx =
        LintContext.at(TestPki.NOW).withRole(root.facts().sha256(), CertificateRole.LEAF);
    assertEquals(CertificateRole.LEAF, Roles.alone(root.facts(), ctx));
  }
}
