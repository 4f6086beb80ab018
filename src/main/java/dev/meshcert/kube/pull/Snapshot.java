package dev.meshcert.kube.pull;

import java.time.Instant;
import java.util.List;

/**
 * Everything seen, as saved to or opened from one snapshot file: one {@link ScanResult} per context
 * (cluster), with pods, policies, chains and findings, and never a private key or token. The file
 * format is described in docs/snapshot-format.md.
 *
 * @param version the file format version (see {@link SnapshotService#FORMAT_VERSION})
 * @param savedAt when it was saved (or imported)
 * @param savedBy the program that wrote it ("meshcert 0.3.0", "istioctl bug-report (imported)")
 * @param contexts one scan per context, in the order saved
 * @param problems what could not be read when opening or importing (a bad certificate, a file of an
 *     archive that is not a dump); empty for a clean file
 */
public record Snapshot(
    int version,
    Instant savedAt,
    String savedBy,
    List<ScanResult> contexts,
    List<String> problems) {

  /** Copies the lists. */
  public Snapshot {
    contexts = List.copyOf(contexts);
    problems = List.copyOf(problems);
  }
}
