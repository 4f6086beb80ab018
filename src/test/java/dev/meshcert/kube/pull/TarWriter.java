package dev.meshcert.kube.pull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a .tar.gz as Go's archive/tar does for {@code istioctl bug-report}: ustar headers, a PAX
 * header with {@code path=} for names longer than 100 bytes.
 */
final class TarWriter {

  private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

  TarWriter add(String name, byte[] content, Instant modified) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    if (nameBytes.length > 100) {
      String record = " path=" + name + "\n";
      int length = record.length() + 2;
      String pax = length + record;
      if (pax.length() != length) {
        pax = (length + 1) + record;
      }
      entry(
          "PaxHeaders/" + name.substring(name.length() - 50),
          pax.getBytes(StandardCharsets.UTF_8),
          'x',
          modified);
      entry(name.substring(0, 99), content, '0', modified);
    } else {
      entry(name, content, '0', modified);
    }
    return this;
  }

  private void entry(String name, byte[] content, char type, Instant modified) {
    byte[] h = new byte[512];
    put(h, 0, name, 100);
    put(h, 100, "0000644", 8);
    put(h, 108, "0000000", 8);
    put(h, 116, "0000000", 8);
    put(h, 124, String.format("%011o", content.length), 12);
    put(h, 136, String.format("%011o", modified.getEpochSecond()), 12);
    h[156] = (byte) type;
    put(h, 257, "ustar", 6);
    put(h, 263, "00", 2);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum), 7);
    tar.writeBytes(h);
    tar.writeBytes(content);
    tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
  }

  private static void put(byte[] h, int at, String s, int max) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, at, Math.min(b.length, max));
  }

  byte[] gzip() throws IOException {
    tar.writeBytes(new byte[1024]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(tar.toByteArray());
    }
    return out.toByteArray();
  }
}
