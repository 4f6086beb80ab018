package dev.meshcert.cli;

import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.ClusterConnector;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.probe.ClientIdentity;
import dev.meshcert.probe.IdentityException;
import dev.meshcert.probe.IdentityMint;
import dev.meshcert.probe.InPodProbe;
import dev.meshcert.probe.PemIdentities;
import dev.meshcert.probe.ProbeIdentity;
import dev.meshcert.probe.ProbeTarget;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parsing and loading for {@code meshcert probe}: target, identity, pod references. */
final class ProbeCommandSupport {

  /** Opens the cluster of a kubeconfig context (the current one when none is named). */
  @FunctionalInterface
  interface Connector {
    ClusterConnection open(String contextOrNull) throws KubeException;

    /** The kubeconfig of this process ({@code KUBECONFIG} or {@code ~/.kube/config}). */
    static Connector fromEnvironment(Clock clock) {
      return context -> {
        ClusterConnector c = ClusterConnector.fromEnvironment(SessionOptions.defaults(), clock);
        String name = context;
        if (name == null) {
          name =
              c.currentContext()
                  .orElseThrow(
                      () ->
                          new KubeException(
                              new KubeFailure.BadKubeconfig(
                                  "no current context: name one with --context")));
        }
        return c.open(name);
      };
    }
  }

  private ProbeCommandSupport() {}

  /** The target from "HOST:PORT" or "[V6]:PORT", or empty when it is not one. */
  static Optional<ProbeTarget> target(
      String hostPort, String sni, String path, String expectSpiffe, int timeoutSeconds) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1 || timeoutSeconds < 1) {
      return Optional.empty();
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (port < 1 || port > 65535 || host.isEmpty()) {
      return Optional.empty();
    }
    Duration t = Duration.ofSeconds(timeoutSeconds);
    return Optional.of(
        new ProbeTarget(
            host,
            port,
            Optional.ofNullable(sni),
            path == null ? "/" : path,
            Optional.ofNullable(expectSpiffe),
            t,
            t));
  }

  /** The identity and roots the options name; none when no option names one. */
  static ProbeIdentity identity(
      String cert,
      String key,
      String cacert,
      String mintCa,
      String mintCaKey,
      String spiffeId,
      Clock clock)
      throws IdentityException {
    List<X509Certificate> roots =
        cacert == null ? List.of() : PemIdentities.certificatesFromFile(Path.of(cacert));
    if (cert != null) {
      ClientIdentity id = PemIdentities.fromFiles(Path.of(cert), Path.of(key));
      return new ProbeIdentity(Optional.of(id), roots, "files " + cert + ", " + key);
    }
    if (mintCa != null) {
      List<X509Certificate> ca = PemIdentities.certificatesFromFile(Path.of(mintCa));
      ClientIdentity id =
          IdentityMint.mint(
              ca,
              PemIdentities.privateKeyFromFile(Path.of(mintCaKey)),
              spiffeId,
              IdentityMint.DEFAULT_LIFETIME,
              clock);
      return new ProbeIdentity(
          Optional.of(id), roots, "minted " + spiffeId + " (1 h) from " + mintCa);
    }
    return new ProbeIdentity(Optional.empty(), roots, "no identity (--cert/--key or --mint-ca)");
  }

  /** "ns/name" split in two, or an array of another length when it is not that. */
  static String[] podRef(String ref) {
    String[] parts = ref.split("/", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return new String[0];
    }
    return parts;
  }

  static Optional<InPodProbe.Tool> tool(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "curl" -> Optional.of(InPodProbe.Tool.CURL);
      case "openssl" -> Optional.of(InPodProbe.Tool.OPENSSL);
      default -> Optional.empty();
    };
  }

  /** The identity files under {@code dir} inside the pod, named as Istio named them. */
  static Optional<InPodProbe.IdentityFiles> podFiles(String dir) {
    if (dir == null) {
      return Optional.empty();
    }
    String d = dir.endsWith("/") ? dir : dir + "/";
    return Optional.of(
        new InPodProbe.IdentityFiles(d + "key.pem", d + "cert-chain.pem", d + "root-cert.pem"));
  }
}
