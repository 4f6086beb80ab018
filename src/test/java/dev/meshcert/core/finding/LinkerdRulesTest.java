package dev.meshcert.core.finding;

import static dev.meshcert.core.finding.Certs.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.testpki.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Linkerd profile: the issuer/anchor pairs of Linkerd's install test ({@code
 * cli/cmd/install_test.go}, "Validates the issuer certs upon install") and generated workload
 * certificates.
 */
class LinkerdRulesTest {

  private static final String DIR = "linkerd/cli/cmd/testdata/";
  private static final String IDENTITY = "identity.linkerd.cluster.local";
  private static final String WEB = "web.default.serviceaccount." + IDENTITY;

  private final TestPki pki = new TestPki();
  private final TestPki.Issued anchor = pki.root("CN=root.linkerd.cluster.local").issue();
  private final TestPki.Issued issuer =
      pki.intermediate(anchor, "CN=" + IDENTITY).dnsSan(IDENTITY).issue();

  /**
   * Upstream: valid and valid-with-rsa-anchor install; expired, not-valid-yet and wrong-algo fail
   * (the last with "must use P-256 curve"); wrong-domain is no longer referenced upstream, older
   * releases refused its issuer name.
   */
  static Stream<Arguments> installSets() {
    return Stream.of(
        Arguments.of("valid", Set.of(), Set.of()),
        Arguments.of("valid-with-rsa-anchor", Set.of(), Set.of()),
        Arguments.of("expired", Set.of("VALIDITY-EXPIRED"), Set.of()),
        Arguments.of("not-valid-yet", Set.of("VALIDITY-NOT-YET-VALID"), Set.of()),
        Arguments.of("wrong-algo", Set.of("LINKERD-KEY-ALGORITHM"), Set.of()),
        Arguments.of("wrong-domain", Set.of(), Set.of("LINKERD-ISSUER-NAME")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("installSets")
  void judgesLinkerdInstallSetsAsLinkerdDoes(
      String prefix, Set<String> errors, Set<String> warnings) {
    List<Finding> f = installSet(prefix, TestPki.NOW);
    assertEquals(errors, ids(f, Severity.ERROR), f::toString);
    assertEquals(warnings, ids(f, Severity.WARNING), f::toString);
  }

  @Test
  void detectsLinkerdFromTheIssuerName() {
    assertEquals(
        Optional.of(MeshProfile.Linkerd.defaults()),
        MeshProfiles.detect(Certs.corpus(DIR + "valid-crt.pem")));
  }

  @Test
  void warnsSixtyDaysBeforeAnchorAndIssuerExpire() {
    List<Finding> f = installSet("valid", Instant.parse("2030-07-01T00:00:00Z"));
    assertEquals(
        Set.of("LINKERD-ANCHOR-EXPIRES-SOON", "LINKERD-ISSUER-EXPIRES-SOON"),
        ids(f, Severity.WARNING));
  }

  @Test
  void flagsBothP521KeysOfWrongAlgo() {
    List<Finding> f = installSet("wrong-algo", TestPki.NOW);
    assertEquals(2, f.stream().filter(x -> x.rule().equals("LINKERD-KEY-ALGORITHM")).count());
    assertTrue(f.get(0).explanation().startsWith("The key is EC P-521"), f.get(0).explanation());
  }

  @Test
  void acceptsWorkloadCertificate() {
    assertEquals(List.of(), chain(pki.leaf(issuer).dnsSan(WEB)));
  }

  @Test
  void flagsWorkloadCertificateWithTwoDnsSans() {
    assertEquals(
        Set.of("LINKERD-LEAF-DNS-SAN"),
        ids(chain(pki.leaf(issuer).dnsSan(WEB).dnsSan("api.default.serviceaccount." + IDENTITY))));
  }

  @Test
  void flagsWorkloadNameOfAnotherForm() {
    assertEquals(
        Set.of("LINKERD-LEAF-NAME"),
        ids(leaf(pki.leaf(issuer).dnsSan("web.default.svc.cluster.local"))));
  }

  @Test
  void flagsWorkloadNameOfAnotherControlPlane() {
    assertEquals(
        Set.of("LINKERD-LEAF-NAME"),
        ids(
            leaf(
                pki.leaf(issuer)
                    .dnsSan("web.default.serviceaccount.identity.linkerd-x.cluster.local"))));
  }

  @Test
  void warnsAboutUriSanOnWorkloadCertificate() {
    assertEquals(
        Set.of("LINKERD-LEAF-URI-SAN"),
        ids(leaf(pki.leaf(issuer).dnsSan(WEB).uriSan("spiffe://cluster.local/ns/default/sa/web"))));
  }

  @Test
  void flagsRsaWorkloadKey() {
    assertEquals(
        Set.of("LINKERD-KEY-ALGORITHM"), ids(leaf(pki.leaf(issuer).dnsSan(WEB).key("RSA"))));
  }

  @Test
  void acceptsRsaTrustAnchor() {
    TestPki.Issued rsa = pki.root("CN=root.linkerd.cluster.local").key("RSA").issue();
    assertEquals(List.of(), role(rsa, CertificateRole.ROOT));
  }

  @Test
  void flagsP384TrustAnchor() {
    TestPki.Issued p384 = pki.root("CN=root.linkerd.cluster.local").key("EC-P384").issue();
    assertEquals(Set.of("LINKERD-KEY-ALGORITHM"), ids(role(p384, CertificateRole.ROOT)));
  }

  @Test
  void warnsWhenIssuerHasFiftyNineDaysLeft() {
    TestPki.Issued soon =
        pki.intermediate(anchor, "CN=" + IDENTITY)
            .validity(
                TestPki.NOW.minus(Duration.ofDays(300)), TestPki.NOW.plus(Duration.ofDays(59)))
            .issue();
    assertEquals(
        Set.of("LINKERD-ISSUER-EXPIRES-SOON"), ids(role(soon, CertificateRole.INTERMEDIATE)));
  }

  @Test
  void staysQuietWhenIssuerHasSixtyOneDaysLeft() {
    TestPki.Issued later =
        pki.intermediate(anchor, "CN=" + IDENTITY)
            .validity(
                TestPki.NOW.minus(Duration.ofDays(300)), TestPki.NOW.plus(Duration.ofDays(61)))
            .issue();
    assertEquals(List.of(), role(later, CertificateRole.INTERMEDIATE));
  }

  @Test
  void flagsIssuerThatIsNotCa() {
    TestPki.Issued notCa =
        pki.leaf(anchor)
            .subject("CN=" + IDENTITY)
            .validity(TestPki.NOW.minus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(365)))
            .issue();
    assertEquals(Set.of("LINKERD-ISSUER-NOT-CA"), ids(role(notCa, CertificateRole.INTERMEDIATE)));
  }

  @Test
  void warnsWhenLeafIsClampedToItsIssuer() {
    TestPki.Issued ending =
        pki.intermediate(anchor, "CN=" + IDENTITY)
            .dnsSan(IDENTITY)
            .validity(
                TestPki.NOW.minus(Duration.ofDays(300)), TestPki.NOW.plus(Duration.ofHours(5)))
            .issue();
    TestPki.Builder leaf =
        pki.leaf(ending)
            .dnsSan(WEB)
            .validity(
                TestPki.NOW.minus(Duration.ofHours(1)), TestPki.NOW.plus(Duration.ofHours(5)));
    List<Finding> f = chainWith(leaf.issue(), ending);
    assertTrue(ids(f).contains("LINKERD-LEAF-CLAMPED"), f::toString);
  }

  @Test
  void warnsAboutIssuerWithoutItsAnchor() {
    List<CertificateFacts> certs =
        Certs.concat(
            Certs.corpus(DIR + "valid-crt.pem"),
            Certs.corpus(DIR + "wrong-domain-trust-anchors.pem"));
    LintReport r = LintEngine.lint(certs, Certs.chains(certs), LintContext.at(TestPki.NOW));
    assertTrue(ids(Certs.all(r)).contains("LINKERD-ISSUER-NOT-FROM-ANCHOR"), r::toString);
  }

  private List<Finding> installSet(String prefix, Instant at) {
    List<CertificateFacts> certs =
        Certs.concat(
            Certs.corpus(DIR + prefix + "-crt.pem"),
            Certs.corpus(DIR + prefix + "-trust-anchors.pem"));
    List<Chain> chains = Certs.chains(certs);
    assertEquals(1, chains.size(), "issuer and anchor link by signature");
    return Certs.all(LintEngine.lint(certs, chains, LintContext.at(at)));
  }

  private List<Finding> chain(TestPki.Builder leaf) {
    return chainWith(leaf.issue(), issuer);
  }

  private List<Finding> chainWith(TestPki.Issued leaf, TestPki.Issued by) {
    List<CertificateFacts> certs = List.of(leaf.facts(), by.facts(), anchor.facts());
    return Certs.all(LintEngine.lint(certs, Certs.chains(certs), LintContext.at(TestPki.NOW)));
  }

  private static List<Finding> leaf(TestPki.Builder b) {
    return role(b.issue(), CertificateRole.LEAF);
  }

  private static List<Finding> role(TestPki.Issued cert, CertificateRole role) {
    return CertificateLints.lint(
        cert.facts(),
        role,
        Optional.of(MeshProfile.Linkerd.defaults()),
        LintContext.at(TestPki.NOW));
  }
}
