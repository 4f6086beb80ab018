package dev.meshcert.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.testpki.TestPki;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathValidatorCorpusTest {

  private static final String SAMPLES = "istio/samples/certs/";
  private static final String PKI = "istio/security/pkg/pki/testdata/";
  private static final String LINKERD = "linkerd/cli/cmd/testdata/";

  private final PathValidator validator = new PathValidator();

  private static List<CertificateFacts> load(String... paths) {
    List<CertificateFacts> all = new ArrayList<>();
    for (String p : paths) {
      all.addAll(Pems.corpus(p));
    }
    return all;
  }

  private TrustVerdict validate(String leafFile, String anchorFile, String... intermediateFiles) {
    return validator.validate(
        Pems.corpus(leafFile).get(0), load(anchorFile), load(intermediateFiles), TestPki.NOW);
  }

  @Test
  void istioWorkloadVerifiesAgainstTheDuplicatedCombinedRootBundle() {
    TrustVerdict v =
        validate(
            SAMPLES + "leaf-workload-foo-cert.pem",
            SAMPLES + "root-cert-combined-2.pem",
            SAMPLES + "ca-cert.pem");

    assertTrue(v.trusted(), v.reason());
    assertEquals(3, v.verifiedPath().orElseThrow().size());
    assertEquals(Pems.one(SAMPLES + "root-cert.pem"), v.verifiedPath().get().get(2));
  }

  @ParameterizedTest
  @CsvSource({"ca-cert-alt.pem", "ca-cert-alt-2.pem"})
  void istioAltIntermediatesVerifyAgainstTheCombinedBundle(String intermediate) {
    assertTrue(validate(SAMPLES + intermediate, SAMPLES + "root-cert-combined.pem").trusted());
  }

  @Test
  void istioAltIntermediateDoesNotVerifyAgainstTheOtherRootCa() {
    TrustVerdict v = validate(SAMPLES + "ca-cert-alt.pem", SAMPLES + "root-cert.pem");

    assertFalse(v.trusted());
    assertEquals(
        ChainRule.MISSING_ISSUER, v.closestFailure().orElseThrow().problems().get(0).rule());
    assertTrue(
        v.reason().contains("(O=Istio,CN=Root CA)") || v.reason().contains("Root CA"), v.reason());
  }

  @ParameterizedTest
  @CsvSource({"spiffe-root-cert-1.pem, true", "spiffe-root-cert-2.pem, false"})
  void istioSelfIssuedSpiffeWorkloadVerifiesOnlyAgainstItsRoot(String root, boolean trusted) {
    TrustVerdict v =
        validate(PKI + "spiffe-workload-cert.pem", PKI + root, PKI + "spiffe-int-cert.pem");

    assertEquals(trusted, v.trusted(), v.reason());
  }

  @ParameterizedTest
  @CsvSource({"int2-cert.pem, root-cert.pem", "ecc-int2-cert.pem, ecc-root-cert.pem"})
  void multiLevelPkiVerifiesThroughTwoIntermediates(String leaf, String root) {
    String dir = PKI + "multilevelpki/";
    TrustVerdict v =
        validate(dir + leaf, dir + root, dir + "int-cert.pem", dir + "ecc-int-cert.pem");

    assertTrue(v.trusted(), v.reason());
    assertEquals(3, v.verifiedPath().orElseThrow().size());
  }

  @Test
  void linkerdValidIssuerVerifiesAgainstItsSameNamedAnchor() {
    TrustVerdict v = validate(LINKERD + "valid-crt.pem", LINKERD + "valid-trust-anchors.pem");

    assertTrue(v.trusted(), v.reason());
    assertEquals(2, v.verifiedPath().orElseThrow().size());
  }

  @Test
  void linkerdExpiredIssuerSaysWhenItExpired() {
    TrustVerdict v = validate(LINKERD + "expired-crt.pem", LINKERD + "expired-trust-anchors.pem");

    assertFalse(v.trusted());
    assertEquals(
        "not trusted: trust anchor CN=identity.linkerd.cluster.local expired at"
            + " 1990-01-01T01:01:11Z",
        v.reason());
  }

  @Test
  void linkerdNotYetValidIssuerSaysFromWhen() {
    TrustVerdict v =
        validate(LINKERD + "not-valid-yet-crt.pem", LINKERD + "not-valid-yet-trust-anchors.pem");

    assertFalse(v.trusted());
    assertTrue(v.reason().endsWith("is not valid before 2100-01-01T01:00:51Z"), v.reason());
  }

  @Test
  void linkerdValidIssuerIsNotTrustedByTheExpiredSetsAnchorOfTheSameName() {
    TrustVerdict v = validate(LINKERD + "valid-crt.pem", LINKERD + "expired-trust-anchors.pem");

    assertFalse(v.trusted());
    assertEquals(ChainRule.SIGNATURE, v.closestFailure().orElseThrow().problems().get(0).rule());
  }
}
