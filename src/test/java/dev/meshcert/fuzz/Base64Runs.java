package dev.meshcert.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Base64 inside text: PEM bodies, {@code data:} values of Secrets and kubeconfigs, {@code
 * inline_bytes} of Envoy dumps. Mutations decode a run, change the bytes inside and encode them
 * back in the run's own layout (line width, indentation), so the damage lands in the DER rather
 * than in the armour.
 */
final class Base64Runs {

  /** Runs of base64 letters and whitespace with at least one unbroken stretch of 40 letters. */
  private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/=\\r\\n\\t ]{44,}");

  private static final Pattern LETTERS = Pattern.compile("[A-Za-z0-9+/]{40}");

  /**
   * @param start first char of the run (text is read as ISO-8859-1: one char per byte)
   * @param end one past its last char
   * @param decoded the bytes it encodes
   */
  record Run(int start, int end, byte[] decoded) {}

  private Base64Runs() {}

  static List<Run> find(byte[] content) {
    List<Run> runs = new ArrayList<>();
    if (!isText(content)) {
      return runs;
    }
    String text = new String(content, StandardCharsets.ISO_8859_1);
    Matcher m = RUN.matcher(text);
    while (m.find() && runs.size() < 200) {
      String run = m.group();
      if (!LETTERS.matcher(run).find()) {
        continue;
      }
      String letters = run.replaceAll("[\\s]", "");
      int pad = letters.indexOf('=');
      if (pad >= 0 && pad < letters.length() - 2) {
        continue;
      }
      try {
        byte[] decoded = Base64.getMimeDecoder().decode(letters);
        if (decoded.length > 0) {
          runs.add(new Run(m.start(), m.end(), decoded));
        }
      } catch (IllegalArgumentException e) {
        // not base64 after all
      }
    }
    return runs;
  }

  /** The content with {@code run} replaced by the encoding of {@code bytes} in its layout. */
  static byte[] replace(byte[] content, Run run, byte[] bytes) {
    String template =
        new String(content, run.start(), run.end() - run.start(), StandardCharsets.ISO_8859_1);
    String encoded = Base64.getEncoder().encodeToString(bytes);
    int lastLetter = lastLetter(template);
    StringBuilder out = new StringBuilder(encoded.length() + template.length());
    int next = 0;
    for (int i = 0; i <= lastLetter; i++) {
      char c = template.charAt(i);
      if (isLetter(c)) {
        if (next < encoded.length()) {
          out.append(encoded.charAt(next++));
        }
      } else {
        out.append(c);
      }
    }
    if (next < encoded.length()) {
      int width = Math.max(4, firstLineLetters(template));
      String indent = lastIndent(template);
      boolean multiline = template.substring(0, lastLetter + 1).indexOf('\n') >= 0;
      while (next < encoded.length()) {
        int n = Math.min(width, encoded.length() - next);
        if (multiline) {
          out.append('\n').append(indent);
        }
        out.append(encoded, next, next + n);
        next += n;
      }
    }
    out.append(template, lastLetter + 1, template.length());
    ByteArrayOutputStream result = new ByteArrayOutputStream(content.length + encoded.length());
    result.write(content, 0, run.start());
    result.writeBytes(out.toString().getBytes(StandardCharsets.ISO_8859_1));
    result.write(content, run.end(), content.length - run.end());
    return result.toByteArray();
  }

  static boolean isText(byte[] b) {
    for (int i = 0; i < Math.min(b.length, 4096); i++) {
      if (b[i] == 0) {
        return false;
      }
    }
    return b.length > 0;
  }

  static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '+'
        || c == '/'
        || c == '=';
  }

  private static int lastLetter(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      if (isLetter(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int firstLineLetters(String s) {
    int n = 0;
    boolean started = false;
    for (char c : s.toCharArray()) {
      if (isLetter(c)) {
        n++;
        started = true;
      } else if (c == '\n' && started) {
        break;
      }
    }
    return n;
  }

  private static String lastIndent(String s) {
    int nl = s.lastIndexOf('\n', Math.max(0, lastLetter(s)));
    if (nl < 0) {
      return "";
    }
    int i = nl + 1;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return s.substring(nl + 1, i);
  }
}
