package dev.meshcert.core.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.finding.Severity;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lint engine's findings reach the analysis, per certificate and per chain. */
class InspectorFindingsTest {
  private final TestPki pki = new TestPki();
  private final Inspector inspector = new Inspector(InputReader.standard()::read);

  private Analysis inspect(String pem) {
    return inspector.inspect(
        List.of(new InspectionInput("test.pem", pem.getBytes(StandardCharsets.US_ASCII))),
        InspectOptions.at(TestPki.CLOCK));
  }

  @Test
  void aLeafSvidThatIsACaGetsAnErrorFinding() {
    TestPki.Issued root = pki.root("O=cluster.local").issue();
    TestPki.Issued leaf =
        pki.leaf(root).ca(true, null).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();
    Analysis a = inspect(leaf.pem() + root.pem());
    List<Finding> findings = a.certificate(leaf.facts().sha256()).orElseThrow().findings();
    assertTrue(
        findings.stream().anyMatch(f -> f.severity() == Severity.ERROR),
        "expected an error finding, got " + findings);
  }

  @Test
  void aWellFormedIstioLeafHasNoErrorFinding() {
    TestPki.Issued root = pki.root("O=cluster.local").issue();
    TestPki.Issued leaf = pki.leaf(root).uriSan("spiffe://cluster.local/ns/a/sa/b").issue();
    Analysis a = inspect(leaf.pem() + root.pem());
    List<Finding> findings = a.certificate(leaf.facts().sha256()).orElseThrow().findings();
    assertFalse(
        findings.stream().anyMatch(f -> f.severity() == Severity.ERROR),
        "unexpected error finding: " + findings);
  }
}
