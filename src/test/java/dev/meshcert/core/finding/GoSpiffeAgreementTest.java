package dev.meshcert.core.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * go-spiffe's {@code x509svid.Parse} test files ({@code svid/x509svid/svid_test.go}, TestParse):
 * the SVID rules must accept every good file and reject every bad one for go-spiffe's reason.
 * go-spiffe is told the certificates are an SVID (leaf first), so the lints get the same: the
 * SPIFFE profile and the first certificate as the leaf. go-spiffe reports only its first failure;
 * the lints report every rule broken, so each row lists them all and names go-spiffe's one. The
 * rows about PEM and keys (not-pem, corrupt-*, key mismatch) are the readers' business, not lints.
 */
class GoSpiffeAgreementTest {

  private static final String DIR = "go-spiffe/svid/x509svid/testdata/";

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of("good-leaf-only.pem", "", Set.of()),
        Arguments.of("good-leaf-and-intermediate.pem", "", Set.of()),
        Arguments.of("good-key-and-cert.pem", "", Set.of()),
        Arguments.of("good-cert-and-key.pem", "", Set.of()),
        // certificate contains no URI SAN
        Arguments.of(
            "wrong-leaf-empty-id.pem", "SVID-URI-SAN-MISSING", Set.of("SVID-URI-SAN-MISSING")),
        // leaf certificate must not have CA flag set to true
        Arguments.of("wrong-leaf-ca-true.pem", "SVID-LEAF-CA", Set.of("SVID-LEAF-CA")),
        // leaf certificate must have 'digitalSignature' set as key usage (its KU is
        // keyCertSign+cRLSign, which go-spiffe would report next)
        Arguments.of(
            "wrong-leaf-no-digital-signature.pem",
            "SVID-LEAF-NO-DIGITAL-SIGNATURE",
            Set.of(
                "SVID-LEAF-NO-DIGITAL-SIGNATURE", "SVID-LEAF-KEY-CERT-SIGN", "SVID-LEAF-CRL-SIGN")),
        // leaf certificate must not have 'keyCertSign' set as key usage
        Arguments.of(
            "wrong-leaf-cert-sign.pem",
            "SVID-LEAF-KEY-CERT-SIGN",
            Set.of("SVID-LEAF-KEY-CERT-SIGN")),
        // leaf certificate must not have 'cRLSign' set as key usage
        Arguments.of("wrong-leaf-crl-sign.pem", "SVID-LEAF-CRL-SIGN", Set.of("SVID-LEAF-CRL-SIGN")),
        // signing certificate must have CA flag set to true
        Arguments.of(
            "wrong-intermediate-no-ca.pem", "SVID-SIGNING-NOT-CA", Set.of("SVID-SIGNING-NOT-CA")),
        // signing certificate must have 'keyCertSign' set as key usage
        Arguments.of(
            "wrong-intermediate-no-key-cert-sign.pem",
            "SVID-SIGNING-NO-KEY-CERT-SIGN",
            Set.of("SVID-SIGNING-NO-KEY-CERT-SIGN")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void agreesWithGoSpiffe(String file, String goSpiffeReason, Set<String> expectedErrors) {
    List<Finding> findings = lintAsSvid(Certs.corpus(DIR + file));

    Set<String> svidErrors =
        Certs.ids(findings, Severity.ERROR).stream()
            .filter(id -> id.startsWith("SVID-") || id.startsWith("SPIFFE-ID-"))
            .collect(Collectors.toSet());
    assertEquals(expectedErrors, svidErrors, () -> file + ": " + findings);
    if (!goSpiffeReason.isEmpty()) {
      assertTrue(svidErrors.contains(goSpiffeReason));
    }
  }

  @Test
  void goodFilesAreExpiredAsSeparateFinding() {
    List<Finding> findings = lintAsSvid(Certs.corpus(DIR + "good-leaf-and-intermediate.pem"));
    assertEquals(Set.of("VALIDITY-EXPIRED"), Certs.ids(findings, Severity.ERROR));
  }

  @Test
  void goodLeafWithoutEkuGetsOnlyTheShouldNote() {
    List<Finding> findings = lintAsSvid(Certs.corpus(DIR + "good-leaf-only.pem"));
    assertTrue(Certs.ids(findings, Severity.INFO).contains("SVID-LEAF-EKU-MISSING"));
    assertFalse(Certs.ids(findings, Severity.WARNING).contains("SVID-LEAF-EKU-MISSING"));
  }

  @Test
  void goodIntermediateWithDigitalSignatureIsOnlyInformational() {
    List<Finding> findings = lintAsSvid(Certs.corpus(DIR + "good-leaf-and-intermediate.pem"));
    assertTrue(Certs.ids(findings, Severity.INFO).contains("SVID-SIGNING-DIGITAL-SIGNATURE"));
  }

  @Test
  void detectsSpiffeAndAgreesWhenChainsAreBuiltBySignature() {
    List<CertificateFacts> certs = Certs.corpus(DIR + "good-leaf-and-intermediate.pem");
    LintReport report = LintEngine.lint(certs, Certs.chains(certs), LintContext.at(TestPki.NOW));
    assertEquals(Set.of("VALIDITY-EXPIRED"), Certs.ids(Certs.all(report), Severity.ERROR));
  }

  @Test
  void doesNotJudgeACertificateWithoutSpiffeIdAsSvidUnlessTold() {
    List<CertificateFacts> certs = Certs.corpus(DIR + "wrong-leaf-empty-id.pem");
    LintReport report = LintEngine.lint(certs, Certs.chains(certs), LintContext.at(TestPki.NOW));
    assertFalse(Certs.ids(Certs.all(report)).contains("SVID-URI-SAN-MISSING"));
  }

  /** As x509svid.Parse sees the file: an SVID, leaf first, in the given order. */
  private static List<Finding> lintAsSvid(List<CertificateFacts> certs) {
    LintContext ctx =
        LintContext.at(TestPki.NOW)
            .withProfile(new MeshProfile.Spiffe())
            .withRole(certs.get(0).sha256(), CertificateRole.LEAF);
    return Certs.all(LintEngine.lint(certs, List.of(Certs.asGiven(certs)), ctx));
  }
}
