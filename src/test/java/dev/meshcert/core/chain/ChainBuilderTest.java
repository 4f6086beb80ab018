package dev.meshcert.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.testpki.TestPki.Issued;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainBuilderTest {

  private final TestPki pki = new TestPki();
  private final ChainBuilder builder = new ChainBuilder();

  private static List<CertificateFacts> facts(Issued... issued) {
    List<CertificateFacts> out = new ArrayList<>();
    for (Issued i : issued) {
      out.add(i.facts());
    }
    return out;
  }

  private static List<String> subjects(Chain chain) {
    return chain.certificates().stream().map(CertificateFacts::subject).toList();
  }

  @Test
  void ordersLeafToRootWhateverTheInputOrder() {
    Issued root = pki.root("CN=Root").issue();
    Issued inter = pki.intermediate(root, "CN=Inter").issue();
    Issued leaf = pki.leaf(inter).subject("CN=leaf").issue();

    List<Chain> chains = builder.build(facts(root, leaf, inter));

    assertEquals(1, chains.size());
    assertEquals(List.of("CN=leaf", "CN=Inter", "CN=Root"), subjects(chains.get(0)));
    assertTrue(chains.get(0).endsAtSelfSigned());
    assertEquals(Optional.empty(), chains.get(0).missingIssuer());
  }

  @Test
  void marksTheMissingIssuerByName() {
    Issued root = pki.root("CN=Root").issue();
    Issued inter = pki.intermediate(root, "CN=Inter").issue();
    Issued leaf = pki.leaf(inter).subject("CN=leaf").issue();

    Chain chain = builder.build(facts(leaf, inter)).get(0);

    assertEquals(List.of("CN=leaf", "CN=Inter"), subjects(chain));
    assertFalse(chain.endsAtSelfSigned());
    assertEquals(Optional.of("CN=Root"), chain.missingIssuer());
  }

  @Test
  void selfIssuedLeafSignedByItsIntermediateIsNotARoot() {
    Issued root = pki.root("CN=Root").issue();
    Issued inter = pki.intermediate(root, "CN=Intermediate CA,O=Istio").issue();
    Issued leaf = pki.leaf(inter).subject("CN=Intermediate CA,O=Istio").issue();

    List<Chain> chains = builder.build(facts(leaf, inter, root));

    assertEquals(1, chains.size());
    assertEquals(3, chains.get(0).certificates().size());
    assertEquals(leaf.facts(), chains.get(0).leaf());
    assertTrue(chains.get(0).endsAtSelfSigned());
  }

  @Test
  void selfIssuedCertificateAloneIsMissingItsIssuer() {
    Issued inter = pki.intermediate(pki.root("CN=Root").issue(), "CN=Same").issue();
    Issued selfIssued = pki.leaf(inter).subject("CN=Same").issue();

    Chain chain = builder.build(facts(selfIssued)).get(0);

    assertFalse(chain.endsAtSelfSigned());
    assertEquals(Optional.of("CN=Same"), chain.missingIssuer());
  }

  @Test
  void tellsApartTwoRootsWithTheSameSubjectByKey() {
    Issued rootA = pki.root("CN=Root CA,O=Istio").issue();
    Issued rootB = pki.root("CN=Root CA,O=Istio").issue();
    Issued leaf = pki.leaf(rootB).subject("CN=leaf").issue();

    List<Chain> chains = builder.build(facts(rootA, rootB, leaf));

    assertEquals(2, chains.size());
    assertEquals(List.of(rootA.facts()), chains.get(0).certificates());
    assertEquals(List.of(leaf.facts(), rootB.facts()), chains.get(1).certificates());
  }

  @Test
  void collapsesDuplicatesBySha256() {
    Issued root = pki.root("CN=Root").issue();
    Issued leaf = pki.leaf(root).subject("CN=leaf").issue();

    List<Chain> chains = builder.build(facts(leaf, root, leaf, root, root));

    assertEquals(1, chains.size());
    assertEquals(2, chains.get(0).certificates().size());
  }

  @Test
  void aRootAloneIsAChainOfItsOwn() {
    Issued root = pki.root("CN=Root").issue();

    List<Chain> chains = builder.build(facts(root));

    assertEquals(1, chains.size());
    assertTrue(chains.get(0).endsAtSelfSigned());
  }

  @Test
  void buildsOneChainPerLeafSharingTheirCas() {
    Issued root = pki.root("CN=Root").issue();
    Issued inter = pki.intermediate(root, "CN=Inter").issue();
    Issued a = pki.leaf(inter).subject("CN=a").issue();
    Issued b = pki.leaf(inter).subject("CN=b").issue();

    List<Chain> chains = builder.build(facts(root, inter, b, a));

    assertEquals(2, chains.size());
    assertEquals(List.of("CN=b", "CN=Inter", "CN=Root"), subjects(chains.get(0)));
    assertEquals(List.of("CN=a", "CN=Inter", "CN=Root"), subjects(chains.get(1)));
  }

  @Test
  void prefersTheIssuerThatReachesASelfSignedRoot() {
    KeyPair interKey = TestPki.keyPair("EC");
    Issued root = pki.root("CN=Root").issue();
    Issued otherRoot = pki.root("CN=Other Root").issue();
    Issued underRoot = pki.intermediate(root, "CN=Inter").keyPair(interKey).issue();
    Issued underOther = pki.intermediate(otherRoot, "CN=Inter").keyPair(interKey).issue();
    Issued leaf = pki.leaf(underRoot).subject("CN=leaf").issue();

    for (List<CertificateFacts> input :
        List.of(
            facts(leaf, underOther, underRoot, root), facts(underRoot, root, underOther, leaf))) {
      List<Chain> chains = builder.build(input);
      Chain leafChain =
          chains.stream().filter(c -> c.leaf().equals(leaf.facts())).findFirst().orElseThrow();
      assertEquals(
          List.of(leaf.facts(), underRoot.facts(), root.facts()), leafChain.certificates());
    }
  }

  @Test
  void anAlternativeIssuerOffEveryLeafPathGetsItsOwnChain() {
    KeyPair interKey = TestPki.keyPair("EC");
    Issued root = pki.root("CN=Root").issue();
    Issued otherRoot = pki.root("CN=Other Root").issue();
    Issued underRoot = pki.intermediate(root, "CN=Inter").keyPair(interKey).issue();
    Issued underOther = pki.intermediate(otherRoot, "CN=Inter").keyPair(interKey).issue();
    Issued leaf = pki.leaf(underRoot).subject("CN=leaf").issue();

    List<Chain> chains = builder.build(facts(leaf, underOther, underRoot, root));

    assertEquals(2, chains.size());
    Chain alternative = chains.get(1);
    assertEquals(underOther.facts(), alternative.leaf());
    assertEquals(Optional.of("CN=Other Root"), alternative.missingIssuer());
  }

  @Test
  void stopsAtACrossSigningCycleWithoutLooping() {
    KeyPair kx = TestPki.keyPair("EC");
    KeyPair ky = TestPki.keyPair("EC");
    Issued xSelf = pki.root("CN=X").keyPair(kx).issue();
    Issued ySelf = pki.root("CN=Y").keyPair(ky).issue();
    Issued xByY = pki.intermediate(ySelf, "CN=X").keyPair(kx).issue();
    Issued yByX = pki.intermediate(xSelf, "CN=Y").keyPair(ky).issue();
    Issued leaf = pki.leaf(xSelf).subject("CN=leaf").issue();

    List<Chain> chains = builder.build(facts(leaf, xByY, yByX));

    assertEquals(1, chains.size());
    Chain chain = chains.get(0);
    assertEquals(List.of("CN=leaf", "CN=X", "CN=Y"), subjects(chain));
    assertFalse(chain.endsAtSelfSigned());
    assertEquals(Optional.empty(), chain.missingIssuer());
  }

  @Test
  void linksByKeyIdentifierAndSignatureWhenTheIssuerWasRenamed() {
    KeyPair caKey = TestPki.keyPair("EC");
    Issued renamedCa = pki.root("CN=New Name").keyPair(caKey).issue();
    Issued oldNameSigner =
        new Issued(pki.root("CN=Old Name").keyPair(caKey).issue().holder(), caKey);
    Issued leaf = pki.leaf(oldNameSigner).subject("CN=leaf").issue();

    Chain chain = builder.build(facts(leaf, renamedCa)).get(0);

    assertEquals(List.of(leaf.facts(), renamedCa.facts()), chain.certificates());
  }

  @Test
  void doesNotLinkByNameWhenTheSignatureFails() {
    Issued realRoot = pki.root("CN=Root").issue();
    Issued impostor = pki.root("CN=Root").issue();
    Issued leaf = pki.leaf(realRoot).subject("CN=leaf").noKeyIdentifiers().issue();

    List<Chain> chains = builder.build(facts(leaf, impostor));

    assertEquals(List.of(leaf.facts()), chains.get(0).certificates());
    assertEquals(Optional.of("CN=Root"), chains.get(0).missingIssuer());
  }

  @Test
  void givesNoChainsForNoCertificates() {
    assertEquals(List.of(), builder.build(List.of()));
  }
}
