package dev.meshcert.ui.common.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.core.redact.KnownValues;
import dev.meshcert.core.redact.Redaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRenderTest {

  static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");

  final Evidence card =
      new Evidence(
          "spiffe://cluster.local/ns/shop/sa/cart",
          Evidence.Tone.ERROR,
          "expired 3 days ago",
          List.of(
              new Evidence.Fact("Serial (hex)", "4F:2A:10:99:AA:BB:CC:DD"),
              new Evidence.Fact("Found in", "a|b.pem\nc.pem")),
          List.of(
              new Evidence.Point(Evidence.Tone.ERROR, "ERROR EXPIRED: the certificate expired")),
          "meshcert inspect --at 2026-12-04T00:00:00Z 'my certs/a.pem'",
          NOW);

  @Test
  void markdownCardHasTitleTableFindingsAndCommand() {
    String md = EvidenceMarkdown.render(card, 3);

    assertTrue(md.startsWith("### \u274c spiffe://cluster.local/ns/shop/sa/cart\n"), md);
    assertTrue(md.contains("| Found in | a\\|b.pem<br>c.pem |"), md);
    assertTrue(md.contains("- \u274c ERROR EXPIRED"), md);
    assertTrue(
        md.contains("```sh\nmeshcert inspect --at 2026-12-04T00:00:00Z 'my certs/a.pem'\n```"), md);
  }

  @Test
  void redactedCardMasksTheSerialButKeepsLabels() {
    Evidence shared = card.redacted(Redaction.forScreenShare(true, new KnownValues()));

    assertEquals("Serial (hex)", shared.facts().get(0).label());
    assertFalse(shared.facts().get(0).value().contains("4F:2A"));
    assertTrue(shared.title().contains("/ns/\u2039ns-1\u203a/"), shared.title());
  }

  @Test
  void htmlReportEscapesTextAndEmbedsTheTimeline() {
    Evidence nasty =
        new Evidence(
            "<script>alert(1)</script>", Evidence.Tone.OK, "", List.of(), List.of(), "", NOW);
    Report report =
        new Report(
            "Report & more",
            NOW,
            List.of(card, nasty),
            List.of(
                new Report.TimelineEntry(
                    "cart",
                    NOW.minus(Duration.ofDays(90)),
                    NOW.minus(Duration.ofDays(3)),
                    Evidence.Tone.ERROR)));

    String html = ReportHtml.render(report);

    assertTrue(html.contains("<title>Report &amp; more</title>"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("<svg") && html.contains("class=\"bar error\""), html);
    assertFalse(html.contains("http://") && html.contains("src="), "nothing loaded from elsewhere");
  }

  @Test
  void timelineKeepsAShortCertificateVisibleBesideALongRoot() {
    String svg =
        TimelineSvg.render(
            List.of(
                new Report.TimelineEntry(
                    "root",
                    NOW.minus(Duration.ofDays(3650)),
                    NOW.plus(Duration.ofDays(3650)),
                    Evidence.Tone.OK),
                new Report.TimelineEntry(
                    "leaf", NOW, NOW.plus(Duration.ofDays(1)), Evidence.Tone.OK)),
            NOW);

    double leafWidth = Double.parseDouble(width(svg, 1));
    assertTrue(leafWidth >= 2, svg);
  }

  @Test
  void markdownReportHasATimelineTable() {
    Report report =
        new Report(
            "t",
            NOW,
            List.of(card),
            List.of(
                new Report.TimelineEntry(
                    "cart", NOW, NOW.plus(Duration.ofDays(1)), Evidence.Tone.OK)));

    String md = ReportMarkdown.render(report);

    assertTrue(
        md.contains("| \u2705 | cart | 2026-12-04 00:00:00 UTC | 2026-12-05 00:00:00 UTC |"), md);
    assertTrue(md.contains("## \u274c spiffe://"), md);
  }

  private static String width(String svg, int index) {
    String[] rects = svg.split("<rect ");
    String rect = rects[index + 1];
    return rect.replaceAll("(?s).*?width=\"([0-9.]+)\".*", "$1");
  }

  @Test
  void excerptIsAFencedBlockInMarkdownAndEscapedAndRedactedInHtml() {
    Evidence probe =
        new Evidence(
            "probe cart",
            Evidence.Tone.OK,
            "mutual TLS established",
            List.of(),
            List.of(),
            "",
            NOW,
            java.util.Optional.of(
                new Evidence.Excerpt(
                    "Transcript", "* SPIFFE ID: spiffe://cluster.local/ns/shop/sa/cart\n< <b>")));

    String md = EvidenceMarkdown.render(probe, 3);
    String html =
        ReportHtml.render(
            new Report("r", NOW, List.of(probe), List.of())
                .redacted(Redaction.forScreenShare(true, new KnownValues())));

    assertTrue(md.contains("Transcript:\n\n```text\n* SPIFFE ID: spiffe://"), md);
    assertTrue(
        html.contains("<pre class=\"excerpt\">* SPIFFE ID: spiffe://cluster.local/ns/"), html);
    assertTrue(html.contains("&lt;b&gt;"), html);
    assertFalse(html.contains("/ns/shop/"), html);
  }
}
