package dev.meshcert.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Pulls the legacy identity files (Istio 1.4 and earlier kept them in {@code /etc/certs}) out of a
 * container with three fixed read-only commands ({@code cat FILE}), to present them from the
 * desktop. The key goes into memory only and is never written or logged.
 */
public final class PodIdentity {

  private PodIdentity() {}

  /**
   * Reads the key, chain and root and checks that the key belongs to the chain's leaf.
   *
   * @throws IdentityException when a file is missing or does not parse; the message says which
   * @throws IOException when the commands could not be run (exec forbidden, pod gone)
   */
  public static ProbeIdentity pull(
      PodCommandRunner runner,
      String namespace,
      String pod,
      String container,
      InPodProbe.IdentityFiles files,
      Duration timeout)
      throws IdentityException, IOException {
    String where = namespace + "/" + pod + " (" + container + ")";
    byte[] key = cat(runner, namespace, pod, container, files.key(), timeout, where);
    byte[] chain = cat(runner, namespace, pod, container, files.certChain(), timeout, where);
    byte[] root = cat(runner, namespace, pod, container, files.root(), timeout, where);
    ClientIdentity identity =
        PemIdentities.identity(
            chain, where + ":" + files.certChain(), key, where + ":" + files.key());
    return new ProbeIdentity(
        Optional.of(identity),
        PemIdentities.certificates(root, where + ":" + files.root()),
        "pulled from " + where + ": " + files.certChain() + ", " + files.key());
  }

  /** The only command this class runs. */
  static List<String> command(String file) {
    return List.of("cat", file);
  }

  private static byte[] cat(
      PodCommandRunner runner,
      String namespace,
      String pod,
      String container,
      String file,
      Duration timeout,
      String where)
      throws IdentityException, IOException {
    PodCommandRunner.Result r = runner.run(namespace, pod, container, command(file), timeout);
    if (r.exitCode() != 0 || r.stdout().isBlank()) {
      throw new IdentityException(
          where
              + ":"
              + file
              + " could not be read"
              + (r.stderr().isBlank() ? "" : ": " + r.stderr().strip()));
    }
    return r.stdout().getBytes(StandardCharsets.US_ASCII);
  }
}
