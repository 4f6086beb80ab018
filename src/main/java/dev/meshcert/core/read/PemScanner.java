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
      String line = text.substring(pos, eol).strip();
      if (line.startsWith("\u00EF\u00BB\u00BF")) {
        line = line.substring(3); // UTF-8 byte order mark, seen as ISO-8859-1
      }
      pos =
          eol < n && text.charAt(eol) == '\r' && eol + 1 < n && text.charAt(eol + 1) == '\n'
              ? eol + 2
              : eol + 1;
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
        open.add(line);
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

    void add(String line) {
      if (line.isEmpty()) {
        return;
      }
      int colon = line.indexOf(':');
      if (body.length() == 0 && colon > 0) {
        headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        return;
      }
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c != ' ' && c != '\t') {
          body.append(c);
        }
      }
    }

    PemBlock close(int number, String defect) {
      return new PemBlock(
          number, line, label, headers, body.toString(), Optional.ofNullable(defect));
    }
  }
}
