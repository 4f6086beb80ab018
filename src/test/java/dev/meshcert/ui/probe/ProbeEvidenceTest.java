package dev.meshcert.ui.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.redact.KnownValues;
import dev.meshcert.core.redact.Redaction;
import dev.meshcert.probe.Experiment;
import dev.meshcert.probe.Handshake;
import dev.meshcert.probe.HttpExchange;
import dev.meshcert.probe.Outcome;
import dev.meshcert.probe.ProbeResult;
import dev.meshcert.probe.ProbeTarget;
import dev.meshcert.probe.TranscriptLine;
import dev.meshcert.testpki.TestPki;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.report.Evidence;
import dev.meshcert.ui.common.report.EvidenceMarkdown;
import dev.meshcert.ui.common.report.Report;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Probe results as evidence cards and reports, without a screen. */
class ProbeEvidenceTest {
  private static final Messages MESSAGES =
      new Messages(ResourceBundle.getBundle("dev.meshcert.ui.probe.probe", Locale.ROOT));
  private static final String VERDICT =
      "mTLS enforced: plain text refused, a client certificate required";

  private final TestPki pki = new TestPki();
  private final TestPki.Issued root = pki.root("CN=Mesh Root").issue();
  private final TestPki.Issued leaf =
      pki.leaf(root)
          .serial(new BigInteger("5e6f708192a3b4c5d6e7f8091a2b3c4d", 16))
          .uriSan("spiffe://cluster.local/ns/payments/sa/ledger")
          .issue();
  private final ProbeEvidence cards = new ProbeEvidence(MESSAGES);
  private final ProbeRequest request =
      new ProbeRequest(
          ProbeRequest.Route.DESKTOP,
          "ledger.payments:8443",
          Optional.empty(),
          "/",
          Optional.empty(),
          Optional.empty(),
          "istio-proxy",
          ProbeRequest.IdentityKind.NONE,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          5);

  private ProbeResult result(Experiment experiment, Outcome outcome, int transcriptLines) {
    ProbeTarget target = ProbeTarget.of("ledger.payments", 8443);
    Handshake handshake =
        new Handshake(
            "TLSv1.3",
            "TLS_AES_128_GCM_SHA256",
            List.of("http/1.1"),
            Optional.of("http/1.1"),
            Optional.of("ledger.payments"),
            List.of(leaf.facts(), root.facts()),
            true,
            List.of("CN=Mesh Root"),
            false,
            new Handshake.ServerVerification(
                Handshake.ServerVerification.Status.SKIPPED, "no roots given"));
    List<TranscriptLine> lines = new ArrayList<>();
    IntStream.rangeClosed(1, transcriptLines)
        .forEach(i -> lines.add(new TranscriptLine(TranscriptLine.Kind.INFO, "line " + i)));
    return new ProbeResult(
        experiment,
        target,
        outcome,
        lines,
        experiment == Experiment.PLAIN_HTTP ? Optional.empty() : Optional.of(handshake),
        Optional.<HttpExchange>empty(),
        Duration.ofMillis(42),
        "curl -v -k https://ledger.payments:8443/\n"
            + "openssl s_client -connect ledger.payments:8443 -servername ledger.payments");
  }

  private String markdown(Evidence e) {
    return EvidenceMarkdown.render(e, 3);
  }

  @Test
  void cardNamesTargetOutcomeMeaningAndVerdict() {
    Evidence e =
        cards.card(
            request,
            result(Experiment.TLS_NO_CLIENT_CERT, Outcome.CLIENT_CERTIFICATE_REQUIRED, 3),
            VERDICT,
            TestPki.NOW);

    String md = markdown(e);
    assertTrue(
        md.startsWith("### \u2705 Probe ledger.payments:8443: TLS without a client certificate\n"),
        md);
    assertTrue(md.contains("**server requires a client certificate**"), md);
    assertTrue(md.contains("| Verdict of the run | " + VERDICT + " |"), md);
    assertTrue(md.contains("| What it means | The server asked for a client certificate"), md);
    assertTrue(md.contains("| Client certificate | requested, none sent |"), md);
  }

  @Test
  void cardSummarisesThePeerChainLeafFirst() {
    Evidence e =
        cards.card(
            request,
            result(Experiment.TLS_NO_CLIENT_CERT, Outcome.CLIENT_CERTIFICATE_REQUIRED, 3),
            VERDICT,
            TestPki.NOW);

    String chain = value(e, "Peer chain");
    assertTrue(
        chain.startsWith("spiffe://cluster.local/ns/payments/sa/ledger (valid until "), chain);
    assertTrue(chain.contains("\nMesh Root (valid until "), chain);
    assertEquals("5E6F708192A3B4C5D6E7F8091A2B3C4D", value(e, "Peer serial (hex)"));
    assertEquals("TLSv1.3, TLS_AES_128_GCM_SHA256, ALPN http/1.1", value(e, "TLS"));
  }

  @Test
  void cardCarriesTheCurlAndOpensslCommandsToReproduce() {
    String md =
        markdown(
            cards.card(
                request,
                result(Experiment.TLS_NO_CLIENT_CERT, Outcome.CLIENT_CERTIFICATE_REQUIRED, 3),
                VERDICT,
                TestPki.NOW));

    assertTrue(
        md.contains(
            "Reproduce:\n\n```sh\ncurl -v -k https://ledger.payments:8443/\n"
                + "openssl s_client -connect ledger.payments:8443 -servername ledger.payments\n```"),
        md);
  }

  @Test
  void transcriptExcerptStopsAfterFortyLinesAndSaysSo() {
    Evidence e =
        cards.card(
            request,
            result(Experiment.TLS_NO_CLIENT_CERT, Outcome.CLIENT_CERTIFICATE_REQUIRED, 62),
            VERDICT,
            TestPki.NOW);

    Evidence.Excerpt x = e.excerpt().orElseThrow();
    assertEquals("Transcript (first 40 of 62 lines)", x.label());
    assertTrue(x.text().startsWith("* line 1\n"), x.text());
    assertTrue(x.text().endsWith("* line 40"), x.text());
    assertTrue(markdown(e).contains("```text\n* line 1\n"), markdown(e));
  }

  @Test
  void failedHandshakeIsAnErrorAndAnExpectedRefusalIsNot() {
    Evidence failed =
        cards.card(
            request,
            result(Experiment.TLS_WITH_IDENTITY, Outcome.CLIENT_CERTIFICATE_REJECTED_UNKNOWN_CA, 3),
            VERDICT,
            TestPki.NOW);
    Evidence refused =
        cards.card(
            request,
            result(Experiment.PLAIN_HTTP, Outcome.PLAIN_TEXT_REFUSED, 3),
            VERDICT,
            TestPki.NOW);

    assertEquals(Evidence.Tone.ERROR, failed.tone());
    assertEquals(Evidence.Tone.OK, refused.tone());
  }

  @Test
  void reportHasOneCardPerExperimentAndThePeerChainOnTheTimeline() {
    Report report =
        cards.report(
            request,
            List.of(
                result(Experiment.PLAIN_HTTP, Outcome.PLAIN_TEXT_REFUSED, 3),
                result(Experiment.TLS_NO_CLIENT_CERT, Outcome.CLIENT_CERTIFICATE_REQUIRED, 3),
                result(Experiment.TLS_WITH_IDENTITY, Outcome.MUTUAL_TLS_ESTABLISHED, 3)),
            VERDICT,
            TestPki.NOW);

    assertEquals(3, report.items().size());
    assertEquals(
        List.of("spiffe://cluster.local/ns/payments/sa/ledger", "Mesh Root"),
        report.timeline().stream().map(Report.TimelineEntry::name).toList());
    assertEquals("Probe ledger.payments:8443: " + VERDICT, report.title());
  }

  @Test
  void redactedCardHidesSerialFingerprintNamespaceAndAddress() {
    Evidence e =
        cards
            .card(
                request,
                result(Experiment.TLS_NO_CLIENT_CERT, Outcome.CLIENT_CERTIFICATE_REQUIRED, 3),
                VERDICT,
                TestPki.NOW)
            .redacted(Redaction.forScreenShare(true, new KnownValues()));

    String md = markdown(e);
    assertFalse(md.contains("5E6F708192A3B4C5D6E7F8091A2B3C4D"), md);
    assertFalse(
        md.toLowerCase(Locale.ROOT).contains(leaf.facts().sha256().toLowerCase(Locale.ROOT)), md);
    assertFalse(md.contains("/ns/payments/"), md);
    assertTrue(md.contains("Peer serial (hex) | \u2039serial"), md);
  }

  private static String value(Evidence e, String label) {
    return e.facts().stream()
        .filter(f -> f.label().equals(label))
        .map(Evidence.Fact::value)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fact " + label + " in " + e.facts()));
  }
}
