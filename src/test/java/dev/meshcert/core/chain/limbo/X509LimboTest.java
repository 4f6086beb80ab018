package dev.meshcert.core.chain.limbo;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the C2SP x509-limbo snapshot (2023-12-02, 135 cases) through the path
 * validator. Each case must agree with its expected result, except the documented disagreements
 * below (docs/x509-limbo.md gives the same list with the reasoning), which must still disagree so
 * that the document stays true. The pass rate is asserted as a floor.
 */
class X509LimboTest {

  /** Cases whose expected result this validator agrees with; never lower it. */
  static final int PASS_FLOOR = 109;

  private static final String LINT =
      "RFC 5280 conformance of one certificate's encoding: reported as a certificate lint, not a"
          + " path failure, because Go, BoringSSL (Envoy) and OpenSSL accept the chain";
  private static final String CABF =
      "CA/Browser Forum (Web PKI) profile rule: not applied to mesh certificates";

  static final Map<String, String> DISAGREEMENTS =
      Map.ofEntries(
          entry("rfc5280::aki::critical-aki", LINT + " (AKI marked critical)"),
          entry("rfc5280::aki::leaf-missing-aki", LINT + " (no AKI)"),
          entry("rfc5280::aki::intermediate-missing-aki", LINT + " (no AKI)"),
          entry(
              "rfc5280::aki::cross-signed-root-missing-aki", LINT + " (no AKI; pedantic-rfc5280)"),
          entry("rfc5280::ski::critical-ski", LINT + " (SKI marked critical)"),
          entry("rfc5280::ski::root-missing-ski", LINT + " (no SKI)"),
          entry("rfc5280::ski::intermediate-missing-ski", LINT + " (no SKI)"),
          entry("rfc5280::serial::too-long", LINT + " (serial over 20 octets)"),
          entry("rfc5280::serial::zero", LINT + " (serial zero)"),
          entry(
              "rfc5280::san::noncritical-with-empty-subject",
              LINT + " (SAN not critical with an empty subject)"),
          entry(
              "rfc5280::root-non-critical-basic-constraints",
              LINT + " (basicConstraints not critical)"),
          entry(
              "rfc5280::nc::permitted-dns-match-noncritical",
              "conflicts with webpki::nc::permitted-dns-match-noncritical, which expects the"
                  + " opposite; like Go and BoringSSL this validator honours non-critical name"
                  + " constraints"),
          entry(
              "rfc5280::nc::permitted-dn-match",
              "the snapshot asks for peer name DNS example.com but the leaf carries only a"
                  + " directoryName SAN; the common name is never used as a host name"),
          entry("webpki::aki::root-with-aki-missing-keyidentifier", CABF),
          entry("webpki::aki::root-with-aki-all-fields", CABF),
          entry("webpki::aki::root-with-aki-ski-mismatch", CABF),
          entry("webpki::eku::ee-anyeku", CABF + " (RFC 5280 lets anyExtendedKeyUsage match)"),
          entry("webpki::eku::ee-critical-eku", CABF),
          entry(
              "webpki::eku::ee-without-eku",
              CABF + " (conflicts with rfc5280::eku::ee-without-eku)"),
          entry("webpki::eku::root-has-eku", CABF),
          entry("webpki::san::san-critical-with-nonempty-subject", CABF),
          entry("webpki::forbidden-p192-spki-leaf", CABF + " (key algorithm policy)"),
          entry("webpki::forbidden-dsa-spki-leaf", CABF + " (key algorithm policy)"),
          entry("webpki::forbidden-signature-algorithm-in-root", CABF + " (algorithm policy)"),
          entry("webpki::forbidden-signature-algorithm-in-leaf", CABF + " (algorithm policy)"),
          entry(
              "webpki::ee-basicconstraints-ca",
              CABF + " (a CA certificate as leaf; the SPIFFE lints flag it for SVIDs)"));

  /** Each case is run once per test class; the tests below read the outcomes. */
  private static Map<String, LimboRunner.Outcome> outcomes;

  @BeforeAll
  static void runEveryApplicableCase() {
    LimboRunner runner = new LimboRunner();
    outcomes = new java.util.LinkedHashMap<>();
    for (LimboCase c : LimboRunner.cases()) {
      if (LimboRunner.notApplicable(c).isEmpty()) {
        outcomes.put(c.id(), runner.run(c));
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseAgreesUnlessItIsADocumentedDisagreement() {
    return outcomes.values().stream()
        .map(
            o ->
                DynamicTest.dynamicTest(
                    o.testcase().id(),
                    () -> {
                      LimboCase c = o.testcase();
                      String expected = c.expectSuccess() ? "SUCCESS" : "FAILURE";
                      if (DISAGREEMENTS.containsKey(c.id())) {
                        assertNotEquals(
                            c.expectSuccess(),
                            o.trusted(),
                            "now agrees: update DISAGREEMENTS, PASS_FLOOR and docs/x509-limbo.md");
                      } else {
                        assertEquals(c.expectSuccess(), o.trusted(), expected + ": " + o.reason());
                      }
                    }));
  }

  @Test
  void passRateMeetsTheFloor() {
    long agreed = outcomes.values().stream().filter(LimboRunner.Outcome::agrees).count();

    assertTrue(
        agreed >= PASS_FLOOR, agreed + " of " + outcomes.size() + " agree; floor " + PASS_FLOOR);
  }

  @Test
  void everyCaseOfTheSnapshotApplies() {
    List<LimboCase> cases = LimboRunner.cases();

    assertEquals(135, cases.size());
    assertEquals(
        List.of(),
        cases.stream()
            .filter(c -> LimboRunner.notApplicable(c).isPresent())
            .map(LimboCase::id)
            .toList());
  }

  @Test
  void everyDocumentedDisagreementNamesACaseOfTheSnapshot() {
    List<String> ids = LimboRunner.cases().stream().map(LimboCase::id).toList();

    assertTrue(ids.containsAll(DISAGREEMENTS.keySet()));
    assertEquals(ids.size() - PASS_FLOOR, DISAGREEMENTS.size());
  }
}
