package dev.meshcert.ui.common.report;

/** A {@link Report} as Markdown: a timeline table, then one evidence card per item. */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  /** The whole document; redact the report first ({@link Report#redacted}). */
  public static String render(Report report) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(report.title().replace("\n", " ")).append("\n\n");
    b.append("_MeshCert Inspector report, ")
        .append(EvidenceMarkdown.UTC.format(report.at()))
        .append("_\n\n");
    if (!report.timeline().isEmpty()) {
      b.append(
          "## Expiry timeline\n\n| | Certificate | Not before | Not after |\n|---|---|---|---|\n");
      for (Report.TimelineEntry t : report.timeline()) {
        b.append("| ")
            .append(EvidenceMarkdown.symbol(t.tone()))
            .append(" | ")
            .append(t.name().replace("|", "\\|"))
            .append(" | ")
            .append(EvidenceMarkdown.UTC.format(t.notBefore()))
            .append(" | ")
            .append(EvidenceMarkdown.UTC.format(t.notAfter()))
            .append(" |\n");
      }
      b.append('\n');
    }
    for (Evidence e : report.items()) {
      b.append(EvidenceMarkdown.render(e, 2)).append('\n');
    }
    return b.toString();
  }
}
