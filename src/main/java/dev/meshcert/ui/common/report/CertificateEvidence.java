package dev.meshcert.ui.common.report;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.analysis.ChainReport;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.expiry.ExpiryState;
import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.finding.Severity;
import dev.meshcert.core.read.Source;
import dev.meshcert.ui.common.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Evidence cards for certificates and chains of an {@link Analysis}. */
public final class CertificateEvidence {

  private final Messages messages;

  public CertificateEvidence(Messages messages) {
    this.messages = messages;
  }

  /** The card of one certificate, with the chain it leads (if any) and where it was read. */
  public Evidence certificate(Analysis analysis, CertificateReport report) {
    CertificateFacts c = report.certificate();
    List<Evidence.Fact> facts = new ArrayList<>();
    facts.add(fact("field.subject", c.subject()));
    facts.add(fact("field.issuer", c.issuer()));
    report.spiffeId().ifPresent(id -> facts.add(fact("field.spiffe", id.uri())));
    if (!c.subjectAltNames().isEmpty()) {
      facts.add(
          fact(
              "field.san",
              c.subjectAltNames().stream().map(n -> n.value()).collect(Collectors.joining(", "))));
    }
    facts.add(fact("field.serial.hex", c.serialHex().toUpperCase(java.util.Locale.ROOT)));
    facts.add(fact("field.notBefore", EvidenceMarkdown.UTC.format(c.notBefore())));
    facts.add(fact("field.notAfter", EvidenceMarkdown.UTC.format(c.notAfter())));
    facts.add(fact("field.sha256", c.sha256()));
    Optional<ChainReport> chain = chainOf(analysis, c.sha256());
    chain.ifPresent(ch -> facts.add(fact("evidence.chain", chainText(ch))));
    List<Finding> findings = new ArrayList<>(report.findings());
    chain.ifPresent(ch -> findings.addAll(ch.findings()));
    List<String> sources = sourcesOf(analysis, c.sha256());
    facts.add(fact("field.found", String.join("\n", sources)));
    Evidence.Tone tone = tone(report.expiry().state()).worst(worst(findings));
    return new Evidence(
        c.displayName(),
        tone,
        report.expiry().phrase(),
        facts,
        points(findings),
        command(sources, analysis.at()),
        analysis.at());
  }

  /** The card of a chain: its leaf's card with the chain's verdict first. */
  public Evidence chain(Analysis analysis, ChainReport chain) {
    CertificateFacts leaf = chain.chain().certificates().get(0);
    CertificateReport report =
        analysis.certificate(leaf.sha256()).orElseThrow(() -> new IllegalArgumentException("leaf"));
    Evidence e = certificate(analysis, report);
    List<Evidence.Fact> facts = new ArrayList<>();
    facts.add(fact("field.trusted", chain.reason()));
    facts.addAll(e.facts());
    return new Evidence(
        messages.get("tree.chain", leaf.displayName()),
        e.tone(),
        e.status(),
        facts,
        e.findings(),
        e.command(),
        e.at());
  }

  /** Every certificate of the analysis: one card each and the expiry timeline. */
  public Report report(Analysis analysis, String title) {
    List<Evidence> items = new ArrayList<>();
    List<Report.TimelineEntry> timeline = new ArrayList<>();
    for (CertificateReport r : analysis.certificates()) {
      items.add(certificate(analysis, r));
      CertificateFacts c = r.certificate();
      timeline.add(
          new Report.TimelineEntry(
              c.displayName(), c.notBefore(), c.notAfter(), tone(r.expiry().state())));
    }
    return new Report(title, analysis.at(), items, timeline);
  }

  /** Findings as card points, most severe first. */
  public static List<Evidence.Point> points(List<Finding> findings) {
    return findings.stream()
        .sorted(Comparator.comparing(Finding::severity))
        .map(f -> new Evidence.Point(tone(f.severity()), f.toString()))
        .distinct()
        .toList();
  }

  /** The tone of a severity. */
  public static Evidence.Tone tone(Severity s) {
    return switch (s) {
      case ERROR -> Evidence.Tone.ERROR;
      case WARNING -> Evidence.Tone.WARNING;
      case INFO -> Evidence.Tone.OK;
    };
  }

  static Evidence.Tone tone(ExpiryState state) {
    return switch (state) {
      case EXPIRED, NOT_YET_VALID -> Evidence.Tone.ERROR;
      case EXPIRING -> Evidence.Tone.WARNING;
      case VALID -> Evidence.Tone.OK;
    };
  }

  private static Evidence.Tone worst(List<Finding> findings) {
    return findings.stream()
        .map(f -> tone(f.severity()))
        .reduce(Evidence.Tone.OK, Evidence.Tone::worst);
  }

  private static Optional<ChainReport> chainOf(Analysis analysis, String sha256) {
    return analysis.chains().stream()
        .filter(ch -> ch.chain().certificates().stream().anyMatch(f -> f.sha256().equals(sha256)))
        .findFirst();
  }

  private static String chainText(ChainReport chain) {
    return chain.chain().certificates().stream()
            .map(CertificateFacts::displayName)
            .collect(Collectors.joining(" \u2192 "))
        + " ("
        + chain.reason()
        + ")";
  }

  private static List<String> sourcesOf(Analysis analysis, String sha256) {
    List<String> names = new ArrayList<>();
    for (Source s : analysis.sources()) {
      if (s.certificates().stream().anyMatch(e -> e.certificate().sha256().equals(sha256))) {
        names.add(s.name());
      }
    }
    return names;
  }

  /** {@code meshcert inspect --at ... 'a.pem' 'b.pem'}: what the CLI prints for the same input. */
  static String command(List<String> sources, Instant at) {
    StringBuilder b = new StringBuilder("meshcert inspect --at ").append(at);
    for (String s : sources) {
      b.append(' ').append(shellQuote(s));
    }
    return b.toString();
  }

  static String shellQuote(String s) {
    if (s.matches("[A-Za-z0-9_./:=@%+-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private Evidence.Fact fact(String key, String value) {
    return new Evidence.Fact(
        messages.get(key), value.isBlank() ? messages.get("value.empty") : value);
  }
}
