package dev.meshcert.kube.pull;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import dev.meshcert.mesh.envoy.AdminDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link SnapshotService}: snapshot files (docs/snapshot-format.md), {@code istioctl
 * bug-report} archives and loose dumps. A save goes to a temporary file beside the target and is
 * moved over it, so a failed save never leaves half a file.
 */
public final class SnapshotFiles implements SnapshotService {

  /** The largest file opened. */
  public static final long MAX_FILE = 512L * 1024 * 1024;

  private final Clock clock;
  private final String program;

  /**
   * @param clock stamps imported snapshots
   * @param program who saves ("meshcert 0.3.0"), written as {@code savedBy}
   */
  public SnapshotFiles(Clock clock, String program) {
    this.clock = clock;
    this.program = program;
  }

  @Override
  public void save(Snapshot snapshot, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".meshcert-snapshot", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .create()
            .toJson(SnapshotWriter.write(snapshot), w);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A snapshot of {@code contexts}, saved now by this program. */
  public Snapshot of(List<ScanResult> contexts) {
    return new Snapshot(FORMAT_VERSION, clock.instant(), program, contexts, List.of());
  }

  @Override
  public Snapshot open(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE) {
      throw new IOException(file + " is larger than " + MAX_FILE + " bytes");
    }
    byte[] content = Files.readAllBytes(file);
    return read(
        file.getFileName().toString(), content, Files.getLastModifiedTime(file).toInstant());
  }

  /** Reads {@code content} named {@code name}, of any format {@link #open} takes. */
  public Snapshot read(String name, byte[] content, java.time.Instant modified) throws IOException {
    byte[] head = java.util.Arrays.copyOf(content, Math.min(content.length, 512));
    if (TarEntries.isGzip(head) || TarEntries.isTar(head)) {
      return bugReport(name, content);
    }
    // JSON or YAML (istioctl ... -o yaml), with or without curl -i's headers, as dumps are read
    JsonElement json =
        AdminDocument.parse(content)
            .tree()
            .filter(t -> t.isJsonObject() || t.isJsonArray())
            .orElseThrow(
                () ->
                    new IOException(
                        name
                            + " is neither a snapshot, a bug-report archive nor a JSON or YAML"
                            + " dump"));
    if (json.isJsonObject() && json.getAsJsonObject().has("format")) {
      try {
        return new SnapshotReader().read(json.getAsJsonObject());
      } catch (RuntimeException e) {
        // Gson reports a missing or mistyped field with unchecked exceptions (found by fuzzing)
        throw new IOException(name + " is not a readable snapshot: " + e.getMessage(), e);
      }
    }
    DumpImport importer = new DumpImport();
    ScanResult result =
        importer.looseFiles(name, List.of(new DumpImport.File(name, content, modified)));
    if (result.pods().isEmpty()) {
      throw new IOException(name + " holds no Envoy or ztunnel certificates");
    }
    return new Snapshot(
        FORMAT_VERSION,
        clock.instant(),
        "imported dump " + name,
        List.of(result),
        importer.problems());
  }

  private Snapshot bugReport(String name, byte[] content) throws IOException {
    List<String> skipped = new ArrayList<>();
    List<DumpImport.File> files = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(content)) {
      for (TarEntries.Entry e : TarEntries.read(in, TarEntries.isGzip(content), skipped)) {
        files.add(new DumpImport.File(e.name(), e.content(), e.modified()));
      }
    }
    DumpImport importer = new DumpImport();
    ScanResult result = importer.bugReport(name, files);
    List<String> problems = new ArrayList<>(skipped);
    problems.addAll(importer.problems());
    if (result.pods().isEmpty()) {
      problems.add(
          name + ": no proxy config_dump in the archive (proxies/<ns>/<pod>/config_dump*)");
    }
    return new Snapshot(
        FORMAT_VERSION,
        clock.instant(),
        "istioctl bug-report " + name + " (imported)",
        List.of(result),
        problems);
  }
}
