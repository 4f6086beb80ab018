package dev.meshcert.ui.common.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** An {@link Evidence} card as Markdown (GitHub flavour), for tickets and chat. */
public final class EvidenceMarkdown {
  private EvidenceMarkdown() {}

  static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /**
   * The card as Markdown; redact the evidence first ({@link Evidence#redacted}).
   *
   * @param heading the heading level, 1 to 6
   */
  public static String render(Evidence e, int heading) {
    StringBuilder b = new StringBuilder();
    b.append("#".repeat(Math.max(1, Math.min(6, heading))))
        .append(' ')
        .append(symbol(e.tone()))
        .append(' ')
        .append(inline(e.title()))
        .append("\n\n");
    if (!e.status().isBlank()) {
      b.append("**").append(inline(e.status())).append("**\n\n");
    }
    if (!e.facts().isEmpty()) {
      b.append("| | |\n|---|---|\n");
      for (Evidence.Fact f : e.facts()) {
        b.append("| ").append(cell(f.label())).append(" | ").append(cell(f.value())).append(" |\n");
      }
      b.append('\n');
    }
    if (!e.findings().isEmpty()) {
      b.append("Findings:\n\n");
      for (Evidence.Point p : e.findings()) {
        b.append("- ").append(symbol(p.tone())).append(' ').append(inline(p.text())).append('\n');
      }
      b.append('\n');
    }
    if (!e.command().isBlank()) {
      b.append("Reproduce:\n\n```sh\n").append(e.command().strip()).append("\n```\n\n");
    }
    e.excerpt()
        .ifPresent(
            x ->
                b.append(inline(x.label()))
                    .append(":\n\n")
                    .append(fence(x.text()))
                    .append("text\n")
                    .append(x.text().strip())
                    .append('\n')
                    .append(fence(x.text()))
                    .append("\n\n"));
    b.append("_MeshCert Inspector, ").append(UTC.format(e.at())).append("_\n");
    return b.toString();
  }

  /** ✅, ⚠️ or ❌. */
  static String symbol(Evidence.Tone tone) {
    return switch (tone) {
      case OK -> "\u2705";
      case WARNING -> "\u26a0\ufe0f";
      case ERROR -> "\u274c";
    };
  }

  /** A code fence longer than any run of backticks in the text. */
  private static String fence(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  private static String inline(String s) {
    return s.replace("\r", "").replace("\n", " ");
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
  }
}
