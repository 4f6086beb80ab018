package dev.meshcert.kube;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one list of what the app may run in a pod: fixed, read-only commands. The certificate pulls'
 * {@link ReadCommand}s, the Istio sidecar's secrets through {@code pilot-agent} and {@code cat} of
 * mounted certificate files ({@code CertificateReader}), and the probe's diagnostic tools: {@code
 * curl} and {@code openssl s_client} with the probe's options only (their other arguments are the
 * probe's target), {@code cat} of certificate and key files. Exec refuses anything else before a
 * request is sent ({@code PodExec}, {@link ProbeExec}); the read-only walk test asserts every exec
 * it records against {@link #allows}.
 */
public final class ReadOnlyCommands {

  /** What {@code CertificateReader} runs for an Istio sidecar: its secrets from Envoy. */
  public static final List<String> ISTIO_SECRETS =
      List.of("pilot-agent", "request", "GET", "config_dump?resource=dynamic_active_secrets");

  /** The file names {@code cat} may read: certificates, and the probe's identity key. */
  public static final Set<String> READABLE_FILES =
      Set.of("tls.crt", "ca.crt", "cert-chain.pem", "root-cert.pem", ReadCommand.KEY_FILE);

  /** The executables the probe may run. */
  public static final Set<String> PROBE_TOOLS = Set.of("curl", "openssl", "cat");

  private static final Set<String> CURL_FLAGS = Set.of("-sS", "-v", "-k");
  private static final Set<String> CURL_OPTIONS =
      Set.of("-o", "--connect-timeout", "--max-time", "--key", "--cert", "--cacert");
  private static final Set<String> OPENSSL_OPTIONS =
      Set.of("-connect", "-servername", "-alpn", "-cert", "-key", "-CAfile");

  private static final Set<List<String>> FIXED = fixed();

  private ReadOnlyCommands() {}

  /** Every command without a free argument: {@link ReadCommand}'s and {@link #ISTIO_SECRETS}. */
  public static Set<List<String>> fixedCommands() {
    return FIXED;
  }

  private static Set<List<String>> fixed() {
    Set<List<String>> all = new HashSet<>();
    all.add(ISTIO_SECRETS);
    all.add(ReadCommand.pilotAgentSecrets().argv());
    for (String dir : ReadCommand.DIRECTORIES) {
      all.add(ReadCommand.list(dir).argv());
      all.add(ReadCommand.privateKey(dir).argv());
      for (String file : ReadCommand.CERTIFICATE_FILES) {
        all.add(ReadCommand.certificateFile(dir, file).argv());
      }
    }
    return Set.copyOf(all);
  }

  /** Whether {@code argv} is one of the app's read-only commands. */
  public static boolean allows(List<String> argv) {
    if (argv.isEmpty()) {
      return false;
    }
    if (FIXED.contains(argv)) {
      return true;
    }
    return switch (argv.get(0)) {
      case "cat" ->
          argv.size() > 1 && argv.subList(1, argv.size()).stream().allMatch(ReadOnlyCommands::file);
      case "curl" -> curl(argv);
      case "openssl" -> openssl(argv);
      default -> false;
    };
  }

  private static boolean file(String path) {
    return path.startsWith("/")
        && !path.contains("..")
        && READABLE_FILES.contains(path.substring(path.lastIndexOf('/') + 1));
  }

  /**
   * curl with the probe's flags only; "-o" only to /dev/null; one http(s) URL; no method, header or
   * body.
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

  /** openssl s_client with the probe's options only, each with its value. */
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
