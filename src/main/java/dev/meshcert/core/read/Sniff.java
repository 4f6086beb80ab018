package dev.meshcert.core.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Cheap looks at content, for detection and for saying what an unknown input looks like. */
final class Sniff {

  private Sniff() {}

  static boolean blank(byte[] b) {
    for (byte c : b) {
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The first non-whitespace byte after an optional UTF-8 byte order mark, or -1. */
  static int firstNonBlank(byte[] b) {
    int start =
        b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF
            ? 3
            : 0;
    for (int i = start; i < b.length; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return c & 0xff;
      }
    }
    return -1;
  }

  /** "text starting "hello"", "binary data starting 1f 8b 08 00 (gzip-compressed ...)". */
  static String describe(byte[] b) {
    int n = Math.min(b.length, 512);
    if (isText(b, n) && !startsWith(b, 0x1f, 0x8b)) {
      String text = new String(b, 0, n, StandardCharsets.UTF_8).strip();
      String first = text.lines().findFirst().orElse("");
      if (first.length() > 40) {
        first = first.substring(0, 40) + "…";
      }
      int json = firstNonBlank(b);
      String kind = json == '{' || json == '[' ? "JSON" : "text";
      return kind + " starting \"" + first + "\"";
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(b.length, 4); i++) {
      hex.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xff));
    }
    return "binary data starting " + hex + hint(b);
  }

  /** No control characters but whitespace, and valid UTF-8 (a character cut at n is fine). */
  private static boolean isText(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
        return false;
      }
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, 0, n);
    CoderResult r = utf8.decode(in, CharBuffer.allocate(n), true);
    return !r.isError() || (r.isMalformed() && in.position() >= n - 3 && n == 512);
  }

  private static String hint(byte[] b) {
    if (startsWith(b, 0x1f, 0x8b)) {
      return " (gzip-compressed: decompress it first)";
    }
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return " (a zip archive: extract it first)";
    }
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return " (a PDF document)";
    }
    if (b.length > 0 && b[0] == 0x30) {
      return " (ASN.1, but not a certificate structure this app reads)";
    }
    return "";
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
