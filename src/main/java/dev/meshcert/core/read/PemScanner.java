package dev.meshcert.core.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds PEM blocks in text: blocks anywhere among other text, CRLF or LF or CR line ends, and
 * markers indented (PEM inside YAML block scalars). A marker must start its line, after optional
 * whitespace. A block cut short by another BEGIN, or never ended, is reported as a defect and
 * scanning goes on.
 */
final class PemScanner {

  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  private PemScanner() {}

  /** Whether the bytes contain a BEGIN marker at the start of a line. */
  static boolean hasBegin(byte[] content) {
    String text = text(content);
    int i = text.indexOf(BEGIN);
    while (i >= 0) {
      if (startsLine(text, i)) {
        return true;
      }
      i = text.indexOf(BEGIN, i + 1);
    }
    return false;
  }

  private static boolean startsLine(String text, int i) {
    int j = i - 1;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j--;
    }
    return j < 0 || text.charAt(j) == '\n' || text.charAt(j) == '\r' || text.charAt(j) == '\uFEFF';
  }

  /**
   * Bytes as text, one char per byte (ISO-8859-1), so that any input scans and line numbers hold.
   */
  static String text(byte[] content) {
    return new String(content, StandardCharsets.ISO_8859_1);
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
  }

  /** All blocks, in order. */
  static List<PemBlock> scan(byte[] content) {
    String text = text(content);
    List<PemBlock> blocks = new ArrayList<>();
    Open open = null;
    int lineNo = 0;
    int pos = 0;
    int n = text.length();
    while (pos < n) {
      int eol = pos;
      while (eol < n && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
        eol++;
      }
      lineNo++;
      int start = pos;
      int end = eol;
      while (start < end && blank(text.charAt(start))) {
        start++;
      }
      while (end > start && blank(text.charAt(end - 1))) {
        end--;
      }
      if (text.startsWith("\u00EF\u00BB\u00BF", start) && end - start >= 3) {
        start += 3; // UTF-8 byte order mark, seen as ISO-8859-1
      }
      pos =
          eol < n && text.charAt(eol) == '\r' && eol + 1 < n && text.charAt(eol + 1) == '\n'
              ? eol + 2
              : eol + 1;
      if (start == end || text.charAt(start) != '-') {
        if (open != null) {
          open.add(text, start, end); // the common case: a body line, no substring made
        }
        continue;
      }
      String line = text.substring(start, end);
      if (line.startsWith(BEGIN) && line.endsWith(DASHES) && line.length() >= 16) {
        if (open != null) {
          blocks.add(open.close(blocks.size() + 1, "no END line before the next BEGIN"));
        }
        open = new Open(lineNo, line.substring(BEGIN.length(), line.length() - DASHES.length()));
      } else if (open != null && line.startsWith(END) && line.endsWith(DASHES)) {
        String endLabel = line.substring(END.length(), Math.max(END.length(), line.length() - 5));
        blocks.add(
            open.close(
                blocks.size() + 1,
                endLabel.equals(open.label)
                    ? null
                    : "END label \""
                        + endLabel
                        + "\" does not match BEGIN \""
                        + open.label
                        + "\""));
        open = null;
      } else if (open != null) {
        open.add(line, 0, line.length());
      }
    }
    if (open != null) {
      blocks.add(open.close(blocks.size() + 1, "no END line"));
    }
    return blocks;
  }

  /** A block being collected. */
  private static final class Open {
    final int line;
    final String label;
    final Map<String, String> headers = new LinkedHashMap<>();
    final StringBuilder body = new StringBuilder();

    Open(int line, String label) {
      this.line = line;
      this.label = label;
    }

    void add(String text, int start, int end) {
      if (start == end) {
        return;
      }
      int colon = body.length() == 0 ? colon(text, start, end) : -1;
      if (colon > start) {
        headers.put(text.substring(start, colon).strip(), text.substring(colon + 1, end).strip());
        return;
      }
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (c != ' ' && c != '\t') {
          body.append(c);
        }
      }
    }

    /** The first ':' in [start, end), or -1; RFC 1421 headers come before the body. */
    private static int colon(String text, int start, int end) {
      for (int i = start; i < end; i++) {
        if (text.charAt(i) == ':') {
          return i;
        }
      }
      return -1;
    }

    PemBlock close(int number, String defect) {
      return new PemBlock(
          number, line, label, headers, body.toString(), Optional.ofNullable(defect));
    }
  }
}
