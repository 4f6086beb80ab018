package dev.meshcert.ui.mesh;

import java.time.Duration;
import java.util.List;

/**
 * Where things are in the timeline chart: a header with the time axis, then one row per bar, a
 * label column on the left. Pure, so hit-testing and virtualisation are tested without a screen.
 *
 * @param rowHeight pixels per row
 * @param headerHeight pixels of the axis above the first row
 * @param labelWidth pixels of the label column
 */
public record TimelineLayout(double rowHeight, double headerHeight, double labelWidth) {

  /** The chart's layout. */
  public static final TimelineLayout DEFAULT = new TimelineLayout(20, 30, 300);

  private static final List<Duration> TICKS =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(7),
          Duration.ofDays(30),
          Duration.ofDays(91),
          Duration.ofDays(365),
          Duration.ofDays(365 * 5));

  /** The height of all rows. */
  public double contentHeight(int rows) {
    return rows * rowHeight;
  }

  /** The row at {@code y} (in chart coordinates) scrolled by {@code scrollTop}; -1 for none. */
  public int rowAt(double y, double scrollTop, int rows) {
    if (y < headerHeight) {
      return -1;
    }
    int row = (int) Math.floor((y - headerHeight + scrollTop) / rowHeight);
    return row >= 0 && row < rows ? row : -1;
  }

  /** The first row drawn when scrolled by {@code scrollTop}. */
  public int firstVisible(double scrollTop) {
    return Math.max(0, (int) Math.floor(scrollTop / rowHeight));
  }

  /** One past the last row drawn in a chart {@code height} high. */
  public int endVisible(double scrollTop, double height, int rows) {
    double visible = Math.max(0, height - headerHeight);
    return Math.min(rows, (int) Math.ceil((scrollTop + visible) / rowHeight));
  }

  /** The y of the top of {@code row}. */
  public double rowTop(int row, double scrollTop) {
    return headerHeight + row * rowHeight - scrollTop;
  }

  /** The tick spacing giving at least {@code minPixels} between ticks over {@code range}. */
  public static Duration tick(Duration range, double width, double minPixels) {
    double perPixel = range.toMillis() / Math.max(1, width);
    for (Duration d : TICKS) {
      if (d.toMillis() / perPixel >= minPixels) {
        return d;
      }
    }
    return TICKS.get(TICKS.size() - 1);
  }
}
