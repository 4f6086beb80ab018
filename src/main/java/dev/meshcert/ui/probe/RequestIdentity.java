package dev.meshcert.ui.probe;

import dev.meshcert.probe.ClientIdentity;
import dev.meshcert.probe.ExecCommandRunner;
import dev.meshcert.probe.IdentityException;
import dev.meshcert.probe.IdentityMint;
import dev.meshcert.probe.InPodProbe;
import dev.meshcert.probe.PemIdentities;
import dev.meshcert.probe.PodIdentity;
import dev.meshcert.probe.ProbeIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The identity a request names: PEM files, minted from a CA, or pulled from the source pod (the
 * demo pod's own is handled with the demo route). Keys are read into memory only.
 */
final class RequestIdentity {
  private RequestIdentity() {}

  static ProbeIdentity of(ProbeRequest r, Clock clock, Optional<ExecCommandRunner> runner)
      throws IdentityException, IOException {
    List<X509Certificate> roots =
        r.rootsFile().isPresent()
            ? PemIdentities.certificatesFromFile(Path.of(r.rootsFile().get()))
            : List.of();
    switch (r.identity()) {
      case PEM_FILES -> {
        Path cert = Path.of(required(r.certFile(), "a certificate file"));
        Path key = Path.of(required(r.keyFile(), "a key file"));
        return new ProbeIdentity(
            Optional.of(PemIdentities.fromFiles(cert, key)), roots, "files " + cert + ", " + key);
      }
      case MINT -> {
        String id = required(r.spiffeId(), "a SPIFFE ID");
        ClientIdentity minted =
            IdentityMint.mint(
                PemIdentities.certificatesFromFile(
                    Path.of(required(r.certFile(), "the CA certificate"))),
                PemIdentities.privateKeyFromFile(Path.of(required(r.keyFile(), "the CA key"))),
                id,
                IdentityMint.DEFAULT_LIFETIME,
                clock);
        return new ProbeIdentity(Optional.of(minted), roots, "minted " + id + " (1 h)");
      }
      case POD_FILES -> {
        if (runner.isEmpty()) {
          throw new IdentityException("pod files need a live cluster to pull them from");
        }
        String[] source = pod(r.sourcePod().orElse(""));
        ProbeIdentity pulled =
            PodIdentity.pull(
                runner.get(),
                source[0],
                source[1],
                r.container(),
                InPodProbe.IdentityFiles.ISTIO_LEGACY,
                Duration.ofSeconds(Math.max(1, r.timeoutSeconds())));
        return roots.isEmpty()
            ? pulled
            : new ProbeIdentity(pulled.identity(), roots, pulled.description());
      }
      default -> {
        return new ProbeIdentity(Optional.empty(), roots, "no identity");
      }
    }
  }

  private static String required(Optional<String> value, String what) throws IdentityException {
    return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IdentityException("give " + what));
  }

  private static String[] pod(String ref) throws IOException {
    String[] p = ref.split("/", -1);
    if (p.length != 2 || p[0].isBlank() || p[1].isBlank()) {
      throw new IOException("a pod is named NAMESPACE/NAME, not \"" + ref + "\"");
    }
    return p;
  }
}
