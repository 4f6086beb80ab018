package dev.meshcert.guarantees;

import dev.meshcert.kube.ReadCommand;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fixed read-only commands the app may run in a pod, gathered from where the main code defines
 * them: {@code kube.ReadCommand} (certificate retrieval), {@code kube.CertificateReader} (one pod's
 * certificates) and {@code probe.InPodProbe} (curl and openssl s_client, checked by shape: their
 * arguments are the probe's target). Anything else fails the read-only guarantee.
 */
final class ReadOnlyCommands {

  /** What {@code CertificateReader} runs for an Istio sidecar. */
  static final List<String> ISTIO_SECRETS =
      List.of("pilot-agent", "request", "GET", "config_dump?resource=dynamic_active_secrets");

  /** Certificate files {@code CertificateReader} reads from a mounted directory (never a key). */
  static final Set<String> MOUNTED_CERTIFICATE_FILES =
      Set.of("tls.crt", "ca.crt", "cert-chain.pem", "root-cert.pem");

  private static final Set<String> CURL_FLAGS = Set.of("-sS", "-v", "-k");
  private static final Set<String> CURL_OPTIONS =
      Set.of("-o", "--connect-timeout", "--max-time", "--key", "--cert", "--cacert");
  private static final Set<String> OPENSSL_OPTIONS =
      Set.of("-connect", "-servername", "-alpn", "-cert", "-key", "-CAfile");

  private ReadOnlyCommands() {}

  /** Every command {@code ReadCommand}'s factories can make. */
  static Set<List<String>> readCommands() {
    Set<List<String>> all = new HashSet<>();
    all.add(ReadCommand.pilotAgentSecrets().argv());
    for (String dir : ReadCommand.DIRECTORIES) {
      all.add(ReadCommand.list(dir).argv());
      all.add(ReadCommand.privateKey(dir).argv());
      for (String file : ReadCommand.CERTIFICATE_FILES) {
        all.add(ReadCommand.certificateFile(dir, file).argv());
      }
    }
    return all;
  }

  /** Whether {@code argv} is one of the app's read-only commands. */
  static boolean allows(List<String> argv) {
    if (argv.isEmpty()) {
      return false;
    }
    if (readCommands().contains(argv) || argv.equals(ISTIO_SECRETS)) {
      return true;
    }
    return switch (argv.get(0)) {
      case "cat" ->
          argv.size() > 1
              && argv.subList(1, argv.size()).stream().allMatch(ReadOnlyCommands::certificateFile);
      case "curl" -> curl(argv);
      case "openssl" -> openssl(argv);
      default -> false;
    };
  }

  private static boolean certificateFile(String path) {
    return path.startsWith("/")
        && !path.contains("..")
        && MOUNTED_CERTIFICATE_FILES.contains(path.substring(path.lastIndexOf('/') + 1));
  }

  /**
   * curl with the probe's flags only; "-o" only to /dev/null; one http(s) URL; no method or body.
   */
  private static boolean curl(List<String> argv) {
    int urls = 0;
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (CURL_FLAGS.contains(a)) {
        continue;
      }
      if (CURL_OPTIONS.contains(a) && i + 1 < argv.size()) {
        if (a.equals("-o") && !argv.get(i + 1).equals("/dev/null")) {
          return false;
        }
        i++;
        continue;
      }
      if (a.startsWith("http://") || a.startsWith("https://")) {
        urls++;
        continue;
      }
      return false;
    }
    return urls == 1;
  }

  /** openssl s_client with the probe's options only. */
  private static boolean openssl(List<String> argv) {
    if (argv.size() < 2 || !argv.get(1).equals("s_client")) {
      return false;
    }
    for (int i = 2; i < argv.size(); i += 2) {
      if (!OPENSSL_OPTIONS.contains(argv.get(i)) || i + 1 >= argv.size()) {
        return false;
      }
    }
    return true;
  }
}
