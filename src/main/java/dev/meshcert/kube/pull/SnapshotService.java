package dev.meshcert.kube.pull;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saves and opens snapshot files, and imports what other tools wrote (an {@code istioctl
 * bug-report} archive, a loose Envoy {@code config_dump}, a ztunnel dump) as snapshots. Needs no
 * cluster. Blocking file I/O: call off the UI thread. Thread-safe.
 */
public interface SnapshotService {

  /** The version of the snapshot format written. */
  int FORMAT_VERSION = 1;

  /** Writes {@code snapshot} to {@code file} (replacing it), without private keys or tokens. */
  void save(Snapshot snapshot, Path file) throws IOException;

  /**
   * Opens {@code file}: a snapshot written by {@link #save}, an {@code istioctl bug-report} archive
   * (.tar.gz, .tgz or .tar), or a loose config_dump / ztunnel dump (JSON or YAML). Certificates are
   * judged again at the instant they were taken.
   *
   * @throws IOException when the file cannot be read or is none of these
   */
  Snapshot open(Path file) throws IOException;
}
