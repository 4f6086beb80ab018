package dev.meshcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meshcert.kube.pull.Snapshot;
import dev.meshcert.kube.pull.SnapshotFiles;
import dev.meshcert.testpki.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * istioctl bug-report archives are imported whole into memory ({@code SnapshotFiles.read}); a
 * gzipped archive of zeros weighs a few kB per GB, so an archive of many large files once took
 * everything into the heap. Found by review when the snapshot reader joined the fuzz targets.
 */
class ArchiveBombTest {

  private static final int MB = 1024 * 1024;

  @Test
  void filesPastTheArchiveTotalAreSkippedWithANote() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new Level1Gzip(gz)) {
      byte[] zeros = new byte[MB];
      for (int i = 0; i < 5; i++) {
        out.write(header("bug-report/cluster/pod-" + i + ".json", 60L * MB, '0'));
        for (int m = 0; m < 60; m++) {
          out.write(zeros);
        }
      }
      out.write(new byte[1024]);
    }
    Snapshot s =
        new SnapshotFiles(TestPki.CLOCK, "test").read("br.tar.gz", gz.toByteArray(), TestPki.NOW);
    assertTrue(
        s.problems().stream().anyMatch(p -> p.contains("pod-4.json") && p.contains("in all")),
        s.problems().toString());
  }

  @Test
  void hugeLongNameHeaderEndsTheRead() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new Level1Gzip(gz)) {
      out.write(header("././@LongLink", 1L << 30, 'L'));
      out.write(new byte[MB]);
    }
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                new SnapshotFiles(TestPki.CLOCK, "test")
                    .read("br.tar.gz", gz.toByteArray(), TestPki.NOW));
    assertTrue(String.valueOf(e.getMessage()).contains("long-name header"), e.getMessage());
  }

  /** A ustar header: name, size in octal, type flag, magic; checksum computed. */
  static byte[] header(String name, long size, char type) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, String.format("%011o", 1_700_000_000L));
    h[156] = (byte) type;
    put(h, 257, "ustar");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    return h;
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }

  /** Fast compression: the test makes 300 MB of zeros. */
  private static final class Level1Gzip extends GZIPOutputStream {
    Level1Gzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
