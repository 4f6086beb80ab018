package dev.meshcert.kube.pull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The regular files of a tar archive (optionally gzipped), as {@code istioctl bug-report} writes it
 * with Go's archive/tar: ustar headers, PAX extended headers for long names ({@code path=}), GNU
 * long names. Bounded: files above {@link #MAX_FILE} bytes, and files past {@link #MAX_TOTAL} bytes
 * in all, are skipped with a note; a long-name header above {@link #MAX_META} bytes ends the read
 * (a gzipped archive of zeros is a few kB per GB: without a total, one file could exhaust the
 * heap).
 */
final class TarEntries {

  /** The largest file kept in memory. */
  static final long MAX_FILE = 64L * 1024 * 1024;

  /** The most file content kept in memory for one archive. */
  static final long MAX_TOTAL = 256L * 1024 * 1024;

  /** The largest long-name (PAX or GNU) header read. */
  static final long MAX_META = 1024L * 1024;

  /** One regular file. */
  record Entry(String name, byte[] content, Instant modified) {}

  private TarEntries() {}

  static boolean isGzip(byte[] head) {
    return head.length > 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  static boolean isTar(byte[] head) {
    return head.length > 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
  }

  /** Reads every regular file; {@code skipped} gets a line per file left out. */
  static List<Entry> read(InputStream raw, boolean gzip, List<String> skipped) throws IOException {
    InputStream in = gzip ? new GZIPInputStream(raw, 64 * 1024) : raw;
    List<Entry> out = new ArrayList<>();
    long kept = 0;
    String longName = null;
    byte[] header = new byte[512];
    while (true) {
      if (in.readNBytes(header, 0, 512) < 512 || allZero(header)) {
        return out;
      }
      String name = text(header, 0, 100);
      String prefix = text(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
      long size = octal(header, 124, 12);
      char type = (char) header[156];
      long padded = (size + 511) / 512 * 512;
      if (type == 'x' || type == 'L') {
        if (size < 0 || size > MAX_META) {
          throw new IOException(name + ": a long-name header of " + size + " bytes");
        }
        byte[] meta = readBody(in, size, padded);
        longName = type == 'L' ? text(meta, 0, meta.length) : paxPath(meta);
        continue;
      }
      if (longName != null) {
        name = longName;
        longName = null;
      }
      if (type != '0' && type != 0) {
        in.skipNBytes(padded);
        continue;
      }
      if (size > MAX_FILE) {
        skipped.add(name + ": " + size + " bytes, larger than " + MAX_FILE);
        in.skipNBytes(padded);
        continue;
      }
      if (kept + size > MAX_TOTAL) {
        skipped.add(name + ": skipped, the archive's files pass " + MAX_TOTAL + " bytes in all");
        in.skipNBytes(padded);
        continue;
      }
      kept += size;
      byte[] body = readBody(in, size, padded);
      out.add(new Entry(name, body, Instant.ofEpochSecond(octal(header, 136, 12))));
    }
  }

  private static byte[] readBody(InputStream in, long size, long padded) throws IOException {
    byte[] body = in.readNBytes((int) size);
    if (body.length < size) {
      throw new IOException("the archive ends inside a file");
    }
    in.skipNBytes(padded - size);
    return body;
  }

  /** The {@code path} record of a PAX header ("NN path=value\n" records). */
  private static String paxPath(byte[] meta) {
    String text = new String(meta, StandardCharsets.UTF_8);
    for (String record : text.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 6);
      }
    }
    return null;
  }

  private static String text(byte[] b, int from, int length) {
    int end = from;
    while (end < from + length && end < b.length && b[end] != 0) {
      end++;
    }
    return new String(b, from, end - from, StandardCharsets.UTF_8).strip();
  }

  private static long octal(byte[] b, int from, int length) {
    String s = text(b, from, length);
    if (s.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(s, 8);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean allZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }
}
