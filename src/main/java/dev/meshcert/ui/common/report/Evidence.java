package dev.meshcert.ui.common.report;

import dev.meshcert.core.redact.Redaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An evidence card: what was looked at, what it showed and how to see it again. Screens build one
 * for their selection (a certificate, a chain, a probe result); the window copies it as Markdown
 * ({@link EvidenceMarkdown}) or as an image ({@link EvidenceCard}) and puts it in reports. Plain
 * data, immutable; no text in it is redacted until {@link #redacted} is called.
 *
 * @param title what this is about ("spiffe://cluster.local/ns/shop/sa/cart", "probe cart → ledger")
 * @param tone how it went overall, for colour and the leading symbol
 * @param status one line ("expires in 3 days", "handshake failed: unknown CA")
 * @param facts label/value pairs in display order
 * @param findings what is wrong or notable, most severe first
 * @param command the command that reproduces it (shell syntax), or empty
 * @param at the instant the evidence describes
 * @param excerpt verbatim text shown as it is (the start of a probe transcript), if any
 */
public record Evidence(
    String title,
    Tone tone,
    String status,
    List<Fact> facts,
    List<Point> findings,
    String command,
    Instant at,
    Optional<Excerpt> excerpt) {

  public Evidence {
    facts = List.copyOf(facts);
    findings = List.copyOf(findings);
  }

  /** Evidence without an excerpt. */
  public Evidence(
      String title,
      Tone tone,
      String status,
      List<Fact> facts,
      List<Point> findings,
      String command,
      Instant at) {
    this(title, tone, status, facts, findings, command, at, Optional.empty());
  }

  /** How it went. */
  public enum Tone {
    OK,
    WARNING,
    ERROR;

    /** The more severe of the two. */
    public Tone worst(Tone other) {
      return other.ordinal() > ordinal() ? other : this;
    }
  }

  /** One labelled value. */
  public record Fact(String label, String value) {}

  /**
   * One finding.
   *
   * @param tone its severity
   * @param text one line, such as "ERROR SVID-LEAF-NOT-CA: leaf SVID must not be a CA"
   */
  public record Point(Tone tone, String text) {}

  /**
   * Verbatim lines, shown in a monospaced block.
   *
   * @param label what they are ("Transcript (first 40 of 62 lines)")
   * @param text the lines, newline-separated
   */
  public record Excerpt(String label, String text) {}

  /** The same evidence with every text passed through this policy. */
  public Evidence redacted(Redaction policy) {
    return new Evidence(
        policy.text(title),
        tone,
        policy.text(status),
        facts.stream().map(f -> new Fact(f.label(), policy.text(f.value()))).toList(),
        findings.stream().map(p -> new Point(p.tone(), policy.text(p.text()))).toList(),
        policy.text(command),
        at,
        excerpt.map(x -> new Excerpt(x.label(), policy.text(x.text()))));
  }
}
