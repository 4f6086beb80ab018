package dev.meshcert.ui.common.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The expiry timeline as inline SVG: one bar per certificate from notBefore to notAfter, a line for
 * "now", and date ticks. The visible range covers every bar but at most a year before and two years
 * after now, so a ten-year root does not squash a one-day workload certificate.
 */
final class TimelineSvg {
  private TimelineSvg() {}

  static final int WIDTH = 960;
  static final int LABEL = 300;
  static final int ROW = 22;
  static final int TOP = 28;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  static String render(List<Report.TimelineEntry> entries, Instant now) {
    Instant start = now;
    Instant end = now.plus(Duration.ofDays(1));
    for (Report.TimelineEntry e : entries) {
      start = e.notBefore().isBefore(start) ? e.notBefore() : start;
      end = e.notAfter().isAfter(end) ? e.notAfter() : end;
    }
    Instant floor = now.minus(Duration.ofDays(365));
    Instant ceiling = now.plus(Duration.ofDays(730));
    start = start.isBefore(floor) ? floor : start;
    end = end.isAfter(ceiling) ? ceiling : end;
    double span = Math.max(1, Duration.between(start, end).toSeconds());
    int height = TOP + entries.size() * ROW + 10;
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"Expiry timeline\">\n");
    for (int i = 0; i <= 4; i++) {
      Instant tick = start.plusSeconds((long) (span * i / 4));
      double x = x(tick, start, span);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>"
                  + "<text x=\"%.1f\" y=\"14\" class=\"tick\">%s</text>\n",
              x,
              TOP - 6,
              x,
              height - 6,
              Math.min(x, WIDTH - 70.0),
              DAY.format(tick)));
    }
    int row = 0;
    for (Report.TimelineEntry e : entries) {
      int y = TOP + row * ROW;
      Instant from = e.notBefore().isBefore(start) ? start : e.notBefore();
      Instant to = e.notAfter().isAfter(end) ? end : e.notAfter();
      double x1 = x(from, start, span);
      double x2 = Math.max(x1 + 2, x(to, start, span));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"4\" y=\"%d\" class=\"name\">%s</text>"
                  + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" rx=\"3\" class=\"bar %s\">"
                  + "<title>%s: %s to %s</title></rect>\n",
              y + 13,
              ReportHtml.escape(shorten(e.name())),
              x1,
              y + 2,
              x2 - x1,
              e.tone().name().toLowerCase(Locale.ROOT),
              ReportHtml.escape(e.name()),
              DAY.format(e.notBefore()),
              DAY.format(e.notAfter())));
      row++;
    }
    double nowX = x(now, start, span);
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"now\"/>"
                + "<text x=\"%.1f\" y=\"%d\" class=\"now-label\">now</text>\n",
            nowX,
            TOP - 8,
            nowX,
            height - 4,
            nowX + 3,
            TOP - 10));
    return b.append("</svg>\n").toString();
  }

  private static double x(Instant t, Instant start, double span) {
    double f = Duration.between(start, t).toSeconds() / span;
    return LABEL + Math.max(0, Math.min(1, f)) * (WIDTH - LABEL - 10);
  }

  private static String shorten(String name) {
    return name.length() <= 40 ? name : name.substring(0, 39) + "\u2026";
  }
}
