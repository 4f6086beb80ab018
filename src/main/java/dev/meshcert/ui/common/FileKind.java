package dev.meshcert.ui.common;

import dev.meshcert.core.read.FormatReader;
import dev.meshcert.core.read.InputFormat;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.mesh.MeshReaders;
import dev.meshcert.mesh.envoy.AdminDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What a file handed to the window holds, judged by its content (never its name): it decides which
 * screen opens a file named on the command line, handed over by a second launch or opened through a
 * file association.
 */
public enum FileKind {
  /**
   * Certificates, keys, keystores, Kubernetes objects, Envoy {@code /certs}: the Inspect screen.
   */
  CERTIFICATES,
  /** A MeshCert snapshot (docs/snapshot-format.md). */
  MESH_SNAPSHOT,
  /** A tar or gzip archive, as {@code istioctl bug-report} writes. */
  BUG_REPORT,
  /**
   * A loose Envoy {@code config_dump} or ztunnel dump, in JSON or in YAML ({@code istioctl ... -o
   * yaml}), with or without the HTTP headers {@code curl -i} prints.
   */
  MESH_DUMP;

  /** The marker of a snapshot (docs/snapshot-format.md: field {@code format}, written first). */
  private static final Pattern SNAPSHOT =
      Pattern.compile("\"format\"\\s*:\\s*\"meshcert-snapshot\"");

  /** The same marker in a snapshot written as YAML. */
  private static final Pattern YAML_SNAPSHOT =
      Pattern.compile("(?m)^format:\\s*[\"']?meshcert-snapshot\\b");

  /** A Kubernetes object or list in YAML (kubectl's output starts with it): for Inspect. */
  private static final Pattern KUBERNETES_YAML = Pattern.compile("(?m)^apiVersion:\\s*\\S");

  /** How much of a snapshot is looked at for its marker. */
  private static final int HEAD = 4096;

  private static final FormatReader ZTUNNEL = reader(InputFormat.ZTUNNEL_CONFIG_DUMP);
  private static final FormatReader ENVOY = reader(InputFormat.ENVOY_CONFIG_DUMP);
  private static final FormatReader CERTS = reader(InputFormat.ENVOY_CERTS);

  /** Whether the Mesh screen opens this kind (rather than Inspect). */
  public boolean mesh() {
    return this != CERTIFICATES;
  }

  /**
   * The kind of {@code file}. Blocking I/O: call off the FX thread. A file that cannot be read, or
   * is larger than any certificate input, is {@link #CERTIFICATES} unless it is an archive: the
   * screen that opens it says what is wrong.
   */
  public static FileKind of(Path file) {
    try {
      if (Files.size(file) > InputReader.MAX_INPUT_BYTES) {
        return archive(head(file, 512)) ? BUG_REPORT : CERTIFICATES;
      }
      return of(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      return CERTIFICATES;
    }
  }

  /** The kind of this content. */
  public static FileKind of(byte[] content) {
    if (archive(content)) {
      return BUG_REPORT;
    }
    int start = jsonStart(content);
    boolean json = start >= 0;
    if (!json && !AdminDocument.mayBeDocument(content)) {
      return CERTIFICATES;
    }
    int from = Math.max(start, 0);
    String head =
        new String(content, from, Math.min(HEAD, content.length - from), StandardCharsets.UTF_8);
    if (SNAPSHOT.matcher(head).find() || !json && YAML_SNAPSHOT.matcher(head).find()) {
      return MESH_SNAPSHOT;
    }
    if (!json && KUBERNETES_YAML.matcher(head).find()) {
      return CERTIFICATES;
    }
    if (ZTUNNEL.accepts(content)) {
      return MESH_DUMP;
    }
    // Envoy /certs carries the same markers as config_dump in part; it is read as certificates.
    if (CERTS.accepts(content)) {
      return CERTIFICATES;
    }
    return ENVOY.accepts(content) ? MESH_DUMP : CERTIFICATES;
  }

  /** gzip (1f 8b) or POSIX tar ("ustar" at offset 257). */
  private static boolean archive(byte[] c) {
    boolean gzip = c.length >= 2 && (c[0] & 0xff) == 0x1f && (c[1] & 0xff) == 0x8b;
    boolean tar =
        c.length >= 262 && new String(c, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    return gzip || tar;
  }

  /** Where the JSON object or array starts (after a byte-order mark and white space), or -1. */
  private static int jsonStart(byte[] c) {
    int i = c.length >= 3 && (c[0] & 0xff) == 0xef && (c[1] & 0xff) == 0xbb ? 3 : 0;
    while (i < c.length && Character.isWhitespace(c[i])) {
      i++;
    }
    return i < c.length && (c[i] == '{' || c[i] == '[') ? i : -1;
  }

  private static byte[] head(Path file, int n) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(n);
    }
  }

  private static FormatReader reader(InputFormat format) {
    return MeshReaders.all().stream()
        .filter(r -> r.format() == format)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no reader for " + format));
  }
}
