package dev.meshcert.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.testpki.TestPki.Issued;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class PathValidatorTest {

  private static final Instant NOW = TestPki.NOW;
  private final TestPki pki = new TestPki();
  private final PathValidator validator = new PathValidator();

  static List<CertificateFacts> facts(Issued... issued) {
    List<CertificateFacts> out = new ArrayList<>();
    for (Issued i : issued) {
      out.add(i.facts());
    }
    return out;
  }

  private TrustVerdict validate(Issued leaf, List<Issued> anchors, Issued... intermediates) {
    return validator.validate(
        leaf.facts(), facts(anchors.toArray(Issued[]::new)), facts(intermediates), NOW);
  }

  static List<ChainRule> rules(FailedPath path) {
    return path.problems().stream().map(PathProblem::rule).toList();
  }

  private static FailedPath closest(TrustVerdict v) {
    assertFalse(v.trusted(), v.reason());
    return v.closestFailure().orElseThrow();
  }

  @Test
  void trustsALeafThroughItsIntermediateToTheAnchor() {
    Issued root = pki.root("CN=Root").issue();
    Issued inter = pki.intermediate(root, "CN=Inter").issue();
    Issued leaf = pki.leaf(inter).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();

    TrustVerdict v = validate(leaf, List.of(root), inter);

    assertTrue(v.trusted(), v.reason());
    assertEquals(Optional.of(facts(leaf, inter, root)), v.verifiedPath());
    assertEquals("verified to trust anchor CN=Root (3 certificates)", v.reason());
  }

  @Test
  void withoutAnchorsIsUntrustedWithThatReason() {
    Issued root = pki.root("CN=Root").issue();
    Issued leaf = pki.leaf(root).uriSan("spiffe://td/x").issue();

    TrustVerdict v = validate(leaf, List.of(), root);

    assertFalse(v.trusted());
    assertFalse(v.anchorsGiven());
    assertEquals("no trust anchors given", v.reason());
  }

  @Test
  void failsBySignatureWhenTheAnchorSharesTheNameButNotTheKey() {
    Issued realRoot = pki.root("CN=Root CA,O=Istio").issue();
    Issued impostor = pki.root("CN=Root CA,O=Istio").issue();
    Issued leaf = pki.leaf(realRoot).uriSan("spiffe://td/x").issue();

    FailedPath f = closest(validate(leaf, List.of(impostor)));

    assertEquals(ChainRule.SIGNATURE, f.problems().get(0).rule());
    assertTrue(f.reachedAnchor());
    assertTrue(
        f.reason().contains("does not verify with the key of O=Istio,CN=Root CA"), f.reason());
  }

  @Test
  void namesTheExpiredLinkAndWhenItExpired() {
    Issued root = pki.root("CN=Root").issue();
    Instant end = NOW.minus(Duration.ofDays(2));
    Issued inter =
        pki.intermediate(root, "CN=Inter").validity(end.minus(Duration.ofDays(90)), end).issue();
    Issued leaf = pki.leaf(inter).uriSan("spiffe://td/x").issue();

    TrustVerdict v = validate(leaf, List.of(root), inter);

    FailedPath f = closest(v);
    assertEquals(List.of(ChainRule.LINK_EXPIRED), rules(f));
    assertEquals("intermediate CN=Inter expired at " + end, f.problems().get(0).message());
    assertEquals(Optional.of(inter.facts().sha256()), f.problems().get(0).certificateSha256());
    assertTrue(v.reason().startsWith("not trusted: intermediate CN=Inter expired at"), v.reason());
  }

  @Test
  void namesTheLinkThatIsNotValidYet() {
    Issued root = pki.root("CN=Root").issue();
    Instant start = NOW.plus(Duration.ofDays(3));
    Issued leaf =
        pki.leaf(root).subject("CN=leaf").validity(start, start.plus(Duration.ofDays(1))).issue();

    FailedPath f = closest(validate(leaf, List.of(root)));

    assertEquals(List.of(ChainRule.LINK_NOT_YET_VALID), rules(f));
    assertEquals("leaf CN=leaf is not valid before " + start, f.problems().get(0).message());
  }

  @Test
  void reportsTheMissingIssuerByName() {
    Issued root = pki.root("CN=Root").issue();
    Issued inter = pki.intermediate(root, "CN=Inter").issue();
    Issued leaf = pki.leaf(inter).subject("CN=leaf").issue();

    FailedPath f = closest(validate(leaf, List.of(root)));

    assertEquals(List.of(ChainRule.MISSING_ISSUER), rules(f));
    assertTrue(f.reason().contains("(CN=Inter) is not among the certificates given"), f.reason());
  }

  @Test
  void rejectsAnIssuerWithoutTheCaFlag() {
    Issued root = pki.root("CN=Root").issue();
    Issued notCa = pki.intermediate(root, "CN=Inter").ca(false, null).keyUsage(true, null).issue();
    Issued leaf = pki.leaf(notCa).subject("CN=leaf").issue();

    FailedPath f = closest(validate(leaf, List.of(root), notCa));

    assertEquals(List.of(ChainRule.ISSUER_NOT_CA), rules(f));
    assertTrue(f.reason().contains("basicConstraints cA=FALSE"), f.reason());
  }

  @Test
  void rejectsAnIssuerWithoutKeyCertSign() {
    Issued root = pki.root("CN=Root").issue();
    Issued inter =
        pki.intermediate(root, "CN=Inter").keyUsage(true, KeyUsage.digitalSignature).issue();
    Issued leaf = pki.leaf(inter).subject("CN=leaf").issue();

    FailedPath f = closest(validate(leaf, List.of(root), inter));

    assertEquals(List.of(ChainRule.ISSUER_NOT_CA), rules(f));
    assertTrue(f.reason().contains("lacks keyCertSign"), f.reason());
  }

  @Test
  void rejectsAPathLongerThanTheAnchorsPathLength() {
    Issued root = pki.root("CN=Root").ca(true, 0).issue();
    Issued inter = pki.intermediate(root, "CN=Inter").issue();
    Issued leaf = pki.leaf(inter).subject("CN=leaf").issue();

    FailedPath f = closest(validate(leaf, List.of(root), inter));

    assertEquals(List.of(ChainRule.PATH_LENGTH), rules(f));
    assertTrue(f.reason().startsWith("trust anchor CN=Root has pathLenConstraint 0"), f.reason());
  }

  @Test
  void selfIssuedIntermediatesDoNotCountTowardsPathLength() {
    KeyPair interKey = TestPki.keyPair("EC");
    Issued root = pki.root("CN=Root").ca(true, 1).issue();
    Issued inter = pki.intermediate(root, "CN=Inter").keyPair(interKey).issue();
    Issued rekeyed = pki.intermediate(inter, "CN=Inter").issue();
    Issued leaf = pki.leaf(rekeyed).subject("CN=leaf").issue();

    TrustVerdict v = validate(leaf, List.of(root), inter, rekeyed);

    assertTrue(v.trusted(), v.reason());
    assertEquals(4, v.verifiedPath().orElseThrow().size());
  }

  @Test
  void rejectsAnUnknownCriticalExtension() throws Exception {
    Issued root = pki.root("CN=Root").issue();
    Issued inter =
        pki.intermediate(root, "CN=Inter")
            .extension(
                new ASN1ObjectIdentifier("1.3.6.1.4.1.55738.666.1"),
                true,
                new DERUTF8String("x").getEncoded())
            .issue();
    Issued leaf = pki.leaf(inter).subject("CN=leaf").issue();

    FailedPath f = closest(validate(leaf, List.of(root), inter));

    assertEquals(List.of(ChainRule.UNKNOWN_CRITICAL_EXTENSION), rules(f));
    assertTrue(f.reason().contains("1.3.6.1.4.1.55738.666.1"), f.reason());
  }

  @Test
  void aSelfSignedRootOutsideTheAnchorsIsNotTrusted() {
    Issued root = pki.root("CN=Root").issue();
    Issued unrelated = pki.root("CN=Other").issue();
    Issued leaf = pki.leaf(root).subject("CN=leaf").issue();

    FailedPath f = closest(validate(leaf, List.of(unrelated), root));

    assertEquals(List.of(ChainRule.ROOT_NOT_TRUSTED), rules(f));
  }

  @Test
  void trustsTheRightOneOfTwoAnchorsSharingASubject() {
    Issued rootA = pki.root("CN=Root CA,O=Istio").issue();
    Issued rootB = pki.root("CN=Root CA,O=Istio").issue();
    Issued leaf = pki.leaf(rootB).subject("CN=leaf").noKeyIdentifiers().issue();

    TrustVerdict v = validate(leaf, List.of(rootA, rootB));

    assertTrue(v.trusted(), v.reason());
    assertEquals(Optional.of(facts(leaf, rootB)), v.verifiedPath());
    assertEquals(1, v.failedPaths().size());
    assertEquals(ChainRule.SIGNATURE, v.failedPaths().get(0).problems().get(0).rule());
  }

  @Test
  void toleratesDuplicateAnchors() {
    Issued root = pki.root("CN=Root").issue();
    Issued leaf = pki.leaf(root).subject("CN=leaf").issue();

    TrustVerdict v = validate(leaf, List.of(root, root, root), root);

    assertTrue(v.trusted(), v.reason());
    assertEquals(List.of(), v.failedPaths());
  }

  @Test
  void findsTheCrossSignedPathToTheOldRoot() {
    KeyPair newRootKey = TestPki.keyPair("EC");
    Issued oldRoot = pki.root("CN=Old Root").issue();
    Issued newRoot = pki.root("CN=New Root").keyPair(newRootKey).issue();
    Issued crossSigned = pki.intermediate(oldRoot, "CN=New Root").keyPair(newRootKey).issue();
    Issued inter = pki.intermediate(newRoot, "CN=Inter").issue();
    Issued leaf = pki.leaf(inter).subject("CN=leaf").issue();

    TrustVerdict v = validate(leaf, List.of(oldRoot), inter, newRoot, crossSigned);

    assertTrue(v.trusted(), v.reason());
    assertEquals(Optional.of(facts(leaf, inter, crossSigned, oldRoot)), v.verifiedPath());
  }

  @Test
  void passesOverAnExpiredCrossSignedIntermediateWhenTheRootIsTrusted() {
    KeyPair rootKey = TestPki.keyPair("EC");
    Issued oldRoot = pki.root("CN=Old Root").issue();
    Issued root = pki.root("CN=Root").keyPair(rootKey).issue();
    Issued expiredCross =
        pki.intermediate(oldRoot, "CN=Root")
            .keyPair(rootKey)
            .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(30)))
            .issue();
    Issued leaf = pki.leaf(root).subject("CN=leaf").issue();

    TrustVerdict v = validate(leaf, List.of(oldRoot, root), expiredCross);

    assertTrue(v.trusted(), v.reason());
    assertEquals(Optional.of(facts(leaf, root)), v.verifiedPath());
    assertEquals(List.of(ChainRule.LINK_EXPIRED), rules(v.failedPaths().get(0)));
  }

  @Test
  void aSelfIssuedLeafSignedByItsIntermediateVerifies() {
    Issued root = pki.root("O=cluster.local").issue();
    Issued inter = pki.intermediate(root, "L=foo,CN=Intermediate CA,O=Istio").issue();
    Issued leaf =
        pki.leaf(inter)
            .subject("L=foo,CN=Intermediate CA,O=Istio")
            .uriSan("spiffe://foo.domain.com/ns/foo/sa/default")
            .issue();

    TrustVerdict v = validate(leaf, List.of(root), inter);

    assertTrue(v.trusted(), v.reason());
    assertEquals(3, v.verifiedPath().orElseThrow().size());
  }

  @Test
  void aLeafThatIsItselfAnAnchorIsTrusted() {
    Issued root = pki.root("CN=Root").issue();

    TrustVerdict v = validate(root, List.of(root));

    assertTrue(v.trusted(), v.reason());
    assertEquals("the certificate is itself a trust anchor", v.reason());
  }

  @Test
  void stopsAtACrossSigningLoop() {
    KeyPair kx = TestPki.keyPair("EC");
    KeyPair ky = TestPki.keyPair("EC");
    Issued xSelf = pki.root("CN=X").keyPair(kx).issue();
    Issued ySelf = pki.root("CN=Y").keyPair(ky).issue();
    Issued xByY = pki.intermediate(ySelf, "CN=X").keyPair(kx).issue();
    Issued yByX = pki.intermediate(xSelf, "CN=Y").keyPair(ky).issue();
    Issued leaf = pki.leaf(xSelf).subject("CN=leaf").issue();
    Issued unrelated = pki.root("CN=Root").issue();

    FailedPath f = closest(validate(leaf, List.of(unrelated), xByY, yByX));

    assertEquals(ChainRule.MISSING_ISSUER, f.problems().get(0).rule());
    assertTrue(f.reason().contains("cross-signing loop"), f.reason());
  }

  @Test
  void rejectsANonCaLeafAssertingKeyCertSign() {
    Issued root = pki.root("CN=Root").issue();
    Issued leaf =
        pki.leaf(root)
            .subject("CN=leaf")
            .keyUsage(true, KeyUsage.digitalSignature | KeyUsage.keyCertSign)
            .issue();

    FailedPath f = closest(validate(leaf, List.of(root)));

    assertEquals(List.of(ChainRule.MALFORMED), rules(f));
  }

  @Test
  void rejectsAMalformedSubjectAltName() {
    Issued root = pki.root("CN=Root").issue();
    Issued leaf =
        pki.leaf(root)
            .subject("CN=leaf")
            .extension(
                org.bouncycastle.asn1.x509.Extension.subjectAlternativeName,
                false,
                "example.com".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .issue();

    FailedPath f = closest(validate(leaf, List.of(root)));

    assertEquals(List.of(ChainRule.MALFORMED), rules(f));
    assertTrue(f.reason().contains("Subject Alternative Name does not decode"), f.reason());
  }
}
