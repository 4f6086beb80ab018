package dev.meshcert.ui.common.report;

import dev.meshcert.core.redact.Redaction;
import java.time.Instant;
import java.util.List;

/**
 * What a screen's current view exports: a title, one evidence card per item and an expiry timeline.
 * Rendered by {@link ReportHtml} and {@link ReportMarkdown}. Immutable.
 *
 * @param title what the view shows ("3 sources, 7 certificates")
 * @param at the instant the view describes
 * @param items the cards, in view order
 * @param timeline certificates to draw on the expiry timeline; may be empty
 */
public record Report(String title, Instant at, List<Evidence> items, List<TimelineEntry> timeline) {

  public Report {
    items = List.copyOf(items);
    timeline = List.copyOf(timeline);
  }

  /**
   * One bar of the expiry timeline.
   *
   * @param name what the bar is labelled with
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @param tone colour: OK valid, WARNING expiring, ERROR expired or not yet valid
   */
  public record TimelineEntry(
      String name, Instant notBefore, Instant notAfter, Evidence.Tone tone) {}

  /** The same report with every text passed through this policy. */
  public Report redacted(Redaction policy) {
    return new Report(
        policy.text(title),
        at,
        items.stream().map(e -> e.redacted(policy)).toList(),
        timeline.stream()
            .map(
                t ->
                    new TimelineEntry(policy.text(t.name()), t.notBefore(), t.notAfter(), t.tone()))
            .toList());
  }
}
