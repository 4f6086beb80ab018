package dev.meshcert.cli;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.CertificateReport;
import dev.meshcert.core.analysis.ChainReport;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.finding.Severity;
import dev.meshcert.core.read.KeyEntry;
import dev.meshcert.core.read.MetadataEntry;
import dev.meshcert.core.read.ReadProblem;
import dev.meshcert.core.read.Source;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes an {@link Analysis} for people: sources with what was read, then each chain. */
final class TextReport {

  private final PrintWriter out;
  private final Analysis analysis;
  private final Map<String, CertificateReport> reports = new HashMap<>();

  private TextReport(Analysis analysis, PrintWriter out) {
    this.analysis = analysis;
    this.out = out;
    analysis.certificates().forEach(r -> reports.put(r.certificate().sha256(), r));
  }

  static void write(Analysis analysis, PrintWriter out) {
    new TextReport(analysis, out).write();
    out.flush();
  }

  private void write() {
    out.println("Inspected at " + analysis.at());
    out.println();
    for (Source s : analysis.sources()) {
      source(s, "");
    }
    for (Source s : analysis.trustSources()) {
      source(s, "trust anchors: ");
    }
    int n = analysis.chains().size();
    for (int i = 0; i < n; i++) {
      chain(analysis.chains().get(i), i + 1, n);
    }
    int errors = count(Severity.ERROR);
    int warnings = count(Severity.WARNING);
    out.println(
        plural(analysis.certificates().size(), "certificate")
            + " in "
            + plural(n, "chain")
            + ", "
            + plural(errors, "error")
            + ", "
            + plural(warnings, "warning"));
  }

  private void source(Source s, String prefix) {
    out.println(prefix + s.name() + " (" + s.format().label() + "): " + s.summary());
    if (s.problems().size() > 1) {
      for (ReadProblem p : s.problems()) {
        out.println("  problem: " + p);
      }
    }
    for (KeyEntry k : s.keys()) {
      out.println("  " + key(k));
    }
    for (MetadataEntry m : s.metadata()) {
      out.println("  " + m.title() + ": " + fields(m.fields()));
    }
    out.println();
  }

  private String key(KeyEntry k) {
    String where = k.location().isEmpty() ? "" : " at " + k.location();
    String matched =
        k.matchedCertificateSha256()
            .map(reports::get)
            .map(r -> ", matches " + r.certificate().displayName())
            .orElse(", matches no certificate read");
    return "private key " + k.algorithm() + " " + k.description() + where + matched;
  }

  private static String fields(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private void chain(ChainReport c, int index, int total) {
    out.println(
        "Chain "
            + index
            + " of "
            + total
            + ": "
            + (c.trusted() ? "trusted" : "not trusted")
            + " ("
            + c.reason()
            + ")");
    List<CertificateFacts> certs = c.chain().certificates();
    for (int i = 0; i < certs.size(); i++) {
      certificate(certs.get(i), i, certs.size());
    }
    c.chain()
        .missingIssuer()
        .ifPresent(
            issuer ->
                out.println("  ^ issuer not found: " + (issuer.isEmpty() ? "(empty)" : issuer)));
    for (Finding f : c.findings()) {
      out.println("  " + finding(f));
    }
    out.println();
  }

  private void certificate(CertificateFacts f, int position, int length) {
    String role = position == 0 ? "leaf" : position == length - 1 ? "top" : "issuer";
    if (length == 1) {
      role = "only";
    }
    out.println("  [" + position + "] " + role + ": " + subject(f));
    Optional<CertificateReport> report = Optional.ofNullable(reports.get(f.sha256()));
    report
        .flatMap(CertificateReport::spiffeId)
        .ifPresent(id -> out.println("      SPIFFE ID: " + id));
    report.ifPresent(
        r ->
            out.println(
                "      "
                    + r.expiry().state().name()
                    + ": "
                    + r.expiry().phrase()
                    + " (not after "
                    + f.notAfter()
                    + ")"));
    out.println("      serial " + f.serialHex() + ", sha256 " + f.sha256());
    report.ifPresent(r -> r.findings().forEach(x -> out.println("      " + finding(x))));
  }

  private static String subject(CertificateFacts f) {
    return f.subjectEmpty() ? "(empty subject)" : f.subject();
  }

  private static String finding(Finding f) {
    return f.severity().name() + " " + f.rule() + ": " + f.title();
  }

  private int count(Severity severity) {
    return (int) analysis.findings().stream().filter(f -> f.severity() == severity).count();
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
