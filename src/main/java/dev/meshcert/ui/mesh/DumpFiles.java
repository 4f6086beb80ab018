package dev.meshcert.ui.mesh;

import dev.meshcert.core.analysis.SourceReader;
import dev.meshcert.core.read.InputFormat;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;
import dev.meshcert.kube.pull.ScanResult;
import dev.meshcert.kube.pull.Snapshot;
import dev.meshcert.kube.pull.SnapshotService;
import dev.meshcert.mesh.trust.WorkloadChain;
import dev.meshcert.mesh.trust.WorkloadChains;
import dev.meshcert.ui.common.FileKind;
import dev.meshcert.ui.common.ProgressReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Reads what is handed to the Mesh screen (dropped, opened with "Open dumps…", named on the command
 * line) into {@link MeshData}, sorted by content: snapshots and bug-report archives, Envoy
 * config_dumps and ztunnel dumps (JSON or YAML) and PEM files, so the Mesh screen is useful without
 * a cluster. A config_dump is one workload named after its file; a ztunnel dump gives one workload
 * per identity. With an importer, each dump is also imported as a snapshot context (as {@code
 * kube.pull} imports loose dumps), so what was opened can be saved as a snapshot; PEM files are not
 * part of a snapshot. Runs off the FX thread.
 */
public final class DumpFiles {

  private static final Set<InputFormat> DUMPS =
      Set.of(InputFormat.ENVOY_CONFIG_DUMP, InputFormat.ZTUNNEL_CONFIG_DUMP);

  private final SourceReader reader;
  private final Clock clock;
  private final Optional<SnapshotService> imports;

  /**
   * Reads files for showing only: nothing read can be saved as a snapshot.
   *
   * @param reader reads one file (the mesh formats included)
   * @param clock what "now" is for the timeline
   */
  public DumpFiles(SourceReader reader, Clock clock) {
    this(reader, clock, Optional.empty());
  }

  /**
   * @param reader reads one file (the mesh formats included)
   * @param clock what "now" is for the timeline
   * @param imports imports each dump file as a snapshot, to be saved later
   */
  public DumpFiles(SourceReader reader, Clock clock, Optional<SnapshotService> imports) {
    this.reader = reader;
    this.clock = clock;
    this.imports = imports;
  }

  /**
   * Reads {@code files} by their content ({@link FileKind}): with an importer, snapshots and {@code
   * istioctl bug-report} archives are opened as snapshots, the rest read as dump or PEM files.
   * Unreadable files and files without certificates become failures.
   */
  public MeshData read(List<Path> files, ProgressReporter progress) {
    List<Path> whole = new ArrayList<>();
    List<Path> loose = new ArrayList<>();
    for (Path p : files) {
      (imports.isPresent() && opensWhole(FileKind.of(p)) ? whole : loose).add(p);
    }
    if (whole.isEmpty()) {
      return readLoose(loose, progress);
    }
    String origin =
        files.size() == 1 ? String.valueOf(files.get(0).getFileName()) : files.size() + " files";
    MeshData opened = openWhole(whole, origin);
    return loose.isEmpty() ? opened : opened.and(readLoose(loose, progress), origin);
  }

  private static boolean opensWhole(FileKind kind) {
    return kind == FileKind.MESH_SNAPSHOT || kind == FileKind.BUG_REPORT;
  }

  /** Snapshots and archives, each opened whole; one that cannot be opened is a failure. */
  private MeshData openWhole(List<Path> whole, String origin) {
    List<ScanResult> contexts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<PodFailure> failures = new ArrayList<>();
    for (Path p : whole) {
      String name = String.valueOf(p.getFileName());
      try {
        Snapshot s = imports.orElseThrow().open(p);
        contexts.addAll(s.contexts());
        s.problems().forEach(x -> problems.add(whole.size() > 1 ? name + ": " + x : x));
      } catch (IOException e) {
        failures.add(new PodFailure(name, String.valueOf(e.getMessage())));
      }
    }
    MeshData data =
        ScanResults.of(
            origin,
            new Snapshot(SnapshotService.FORMAT_VERSION, clock.instant(), "", contexts, problems));
    return data.and(
        new MeshData(origin, data.takenAt(), List.of(), List.of(), failures, List.of(), List.of()),
        origin);
  }

  /** Dump and PEM files, each read as a file dropped on Inspect would be. */
  private MeshData readLoose(List<Path> files, ProgressReporter progress) {
    List<WorkloadChain> workloads = new ArrayList<>();
    List<PodFailure> failures = new ArrayList<>();
    List<ScanResult> scans = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (progress.isCancelled()) {
        throw new CancellationException();
      }
      Path file = files.get(i);
      String name = String.valueOf(file.getFileName());
      progress.update(i, files.size(), name);
      try {
        if (Files.size(file) > InputReader.MAX_INPUT_BYTES) {
          failures.add(
              new PodFailure(name, "larger than " + InputReader.MAX_INPUT_BYTES + " bytes"));
          continue;
        }
        Source source = reader.read(name, Files.readAllBytes(file), PasswordProvider.none());
        List<WorkloadChain> read = WorkloadChains.of(strip(name), source);
        if (read.isEmpty()) {
          failures.add(new PodFailure(name, reason(source)));
        } else if (DUMPS.contains(source.format()) && imports.isPresent()) {
          importDump(file, name, scans, problems);
        }
        workloads.addAll(read);
      } catch (IOException e) {
        failures.add(new PodFailure(name, "could not be read: " + e.getMessage()));
      }
    }
    progress.update(files.size(), files.size(), "");
    String origin =
        files.size() == 1 ? String.valueOf(files.get(0).getFileName()) : files.size() + " files";
    return new MeshData(origin, clock.instant(), workloads, List.of(), failures, problems, scans);
  }

  private void importDump(Path file, String name, List<ScanResult> scans, List<String> problems) {
    try {
      Snapshot imported = imports.orElseThrow().open(file);
      scans.addAll(imported.contexts());
      imported.problems().forEach(p -> problems.add(name + ": " + p));
    } catch (IOException e) {
      problems.add(name + ": cannot be saved in a snapshot: " + e.getMessage());
    }
  }

  private static String strip(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String reason(Source source) {
    return source.problems().isEmpty()
        ? "no certificate chain in it (" + source.summary() + ")"
        : source.problems().get(0).toString();
  }
}
