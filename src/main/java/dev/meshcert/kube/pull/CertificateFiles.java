package dev.meshcert.kube.pull;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.core.read.KeyEntry;
import dev.meshcert.core.read.KeyMatcher;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.ReadCommand;
import dev.meshcert.mesh.envoy.EmbeddedPem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Istio's certificate files, as the walkthrough reads them: {@code ls} the directory, then {@code
 * cat cert-chain.pem} and {@code root-cert.pem}. {@code key.pem}, when listed, is read only to
 * check that it belongs to the leaf, and its bytes are overwritten at once: it is never kept,
 * shown, saved or logged. Used for {@code /etc/certs} (Istio 1.4 and earlier) and {@code
 * /var/run/secrets/workload-spiffe-credentials} (certificates written out for the application).
 */
final class CertificateFiles implements Strategy {

  private static final InputReader KEYS = InputReader.standard();

  private final String container;
  private final String directory;

  CertificateFiles(String container, String directory) {
    this.container = container;
    this.directory = directory;
  }

  @Override
  public String name() {
    return "exec " + container + ": ls " + directory + ", cat cert-chain.pem root-cert.pem";
  }

  @Override
  public PulledChain pull(PodContext pod) throws KubeException, PullException {
    Set<String> files = list(pod);
    if (!files.contains("cert-chain.pem")) {
      throw new PullException(
          directory
              + " holds no cert-chain.pem"
              + (files.isEmpty() ? " (it is empty)" : " (only " + String.join(", ", files) + ")"));
    }
    byte[] chainPem = exec(pod, ReadCommand.certificateFile(directory, "cert-chain.pem"));
    List<String> notes = new ArrayList<>();
    List<CertificateFacts> chain = decode(chainPem, directory + "/cert-chain.pem", notes);
    if (chain.isEmpty()) {
      throw new PullException(directory + "/cert-chain.pem holds no certificate");
    }
    List<CertificateFacts> roots = List.of();
    if (files.contains("root-cert.pem")) {
      roots =
          decode(
              exec(pod, ReadCommand.certificateFile(directory, "root-cert.pem")),
              directory + "/root-cert.pem",
              notes);
    }
    Optional<Boolean> keyMatches = Optional.empty();
    if (files.contains(ReadCommand.KEY_FILE)) {
      keyMatches = Optional.of(keyMatchesLeaf(pod, chainPem, chain.get(0)));
    }
    return new PulledChain(
        "files " + container + ":" + directory, chain, roots, Optional.empty(), keyMatches, notes);
  }

  private Set<String> list(PodContext pod) throws KubeException, PullException {
    try {
      String out =
          new String(exec(pod, ReadCommand.list(directory)), StandardCharsets.UTF_8).strip();
      return out.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(out.split("\\s+")));
    } catch (KubeException e) {
      if (e.failure() instanceof KubeFailure.CommandFailed f) {
        throw new PullException(
            directory + " cannot be listed" + (f.detail().isEmpty() ? "" : ": " + f.detail()));
      }
      throw e;
    }
  }

  /** Reads key.pem with the chain, matches them by public key, and wipes the key's bytes. */
  private boolean keyMatchesLeaf(PodContext pod, byte[] chainPem, CertificateFacts leaf)
      throws KubeException {
    byte[] key = exec(pod, ReadCommand.privateKey(directory));
    byte[] both = new byte[chainPem.length + 1 + key.length];
    try {
      System.arraycopy(chainPem, 0, both, 0, chainPem.length);
      both[chainPem.length] = '\n';
      System.arraycopy(key, 0, both, chainPem.length + 1, key.length);
      Source source =
          KeyMatcher.match(KEYS.read(directory + " (key check)", both, PasswordProvider.none()));
      return source.keys().stream()
          .map(KeyEntry::matchedCertificateSha256)
          .anyMatch(m -> m.isPresent() && m.get().equals(leaf.sha256()));
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(both, (byte) 0);
    }
  }

  private byte[] exec(PodContext pod, ReadCommand command) throws KubeException {
    return pod.access()
        .exec(pod.pod().namespace(), pod.pod().name(), container, command, pod.cancellation());
  }

  static List<CertificateFacts> decode(byte[] pem, String where, List<String> notes) {
    EmbeddedPem.Decoded decoded = EmbeddedPem.decode(where, pem);
    decoded.problems().forEach(p -> notes.add(p.toString()));
    return decoded.certificates();
  }
}
