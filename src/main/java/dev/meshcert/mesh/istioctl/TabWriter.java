package dev.meshcert.mesh.istioctl;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated lines the way Go's {@code text/tabwriter} does with a space pad character
 * and no flags, which istioctl uses for its tables: a cell ended by a tab belongs to a column, and
 * each block of consecutive lines having that column is padded to its widest cell plus {@code
 * padding}; the last cell of a line is written as is. Widths count code points.
 */
final class TabWriter {

  private final int minWidth;
  private final int padding;

  TabWriter(int minWidth, int padding) {
    this.minWidth = minWidth;
    this.padding = padding;
  }

  /** Formats {@code text} (lines ending in '\n'; a final line without one is kept as is). */
  String format(String text) {
    List<List<String>> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(List.of(line.split("\t", -1)));
    }
    boolean trailingNewline = text.endsWith("\n");
    if (trailingNewline) {
      lines.remove(lines.size() - 1);
    }
    StringBuilder out = new StringBuilder();
    format(lines, 0, lines.size(), new ArrayList<>(), out);
    if (!trailingNewline && out.length() > 0) {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  /** Go's {@code Writer.format}: widths of the columns left of {@code widths.size()} are known. */
  private void format(
      List<List<String>> lines, int line0, int line1, List<Integer> widths, StringBuilder out) {
    int column = widths.size();
    for (int current = line0; current < line1; current++) {
      if (column >= lines.get(current).size() - 1) {
        continue;
      }
      write(lines, line0, current, widths, out);
      line0 = current;
      int width = minWidth;
      for (; current < line1; current++) {
        List<String> cells = lines.get(current);
        if (column >= cells.size() - 1) {
          break;
        }
        width = Math.max(width, length(cells.get(column)) + padding);
      }
      widths.add(width);
      format(lines, line0, current, widths, out);
      widths.remove(widths.size() - 1);
      line0 = current;
      current--;
    }
    write(lines, line0, line1, widths, out);
  }

  private static void write(
      List<List<String>> lines, int from, int to, List<Integer> widths, StringBuilder out) {
    for (int i = from; i < to; i++) {
      List<String> cells = lines.get(i);
      for (int j = 0; j < cells.size(); j++) {
        String cell = cells.get(j);
        out.append(cell);
        if (j < widths.size() && j < cells.size() - 1) {
          out.append(" ".repeat(Math.max(0, widths.get(j) - length(cell))));
        }
      }
      out.append('\n');
    }
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
