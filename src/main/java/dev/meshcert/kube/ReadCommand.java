package dev.meshcert.kube;

import java.util.List;
import java.util.Set;

/**
 * A fixed, read-only command to run in a mesh proxy container. Only the factories below make one,
 * so nothing else can be executed in a pod: the proxy's own config dump through {@code
 * pilot-agent}, listing and reading the certificate files of the two directories where Istio writes
 * them. Private key files are only ever read by {@link #privateKey}, whose output the caller keeps
 * in memory and drops once it has compared the key with the certificate.
 */
public final class ReadCommand {

  /** The directories certificate files are read from. */
  public static final Set<String> DIRECTORIES =
      Set.of("/etc/certs", "/var/run/secrets/workload-spiffe-credentials");

  /** The certificate files read from them (never a key). */
  public static final Set<String> CERTIFICATE_FILES = Set.of("cert-chain.pem", "root-cert.pem");

  /** The private key file; read only to check that it matches the certificate. */
  public static final String KEY_FILE = "key.pem";

  /** The Envoy admin path asked for: the secrets only (Envoy redacts private keys in it). */
  public static final String SECRETS_DUMP_PATH =
      "config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets";

  private final List<String> argv;
  private final boolean readsKey;

  private ReadCommand(List<String> argv, boolean readsKey) {
    this.argv = List.copyOf(argv);
    this.readsKey = readsKey;
  }

  /** {@code pilot-agent request GET config_dump?mask=...secrets}: the sidecar's secrets. */
  public static ReadCommand pilotAgentSecrets() {
    return new ReadCommand(List.of("pilot-agent", "request", "GET", SECRETS_DUMP_PATH), false);
  }

  /** {@code ls -1 <directory>} for one of {@link #DIRECTORIES}. */
  public static ReadCommand list(String directory) {
    return new ReadCommand(List.of("ls", "-1", allowed(directory)), false);
  }

  /** {@code cat <directory>/<file>} for one of {@link #CERTIFICATE_FILES}. */
  public static ReadCommand certificateFile(String directory, String file) {
    if (!CERTIFICATE_FILES.contains(file)) {
      throw new IllegalArgumentException("not a certificate file: " + file);
    }
    return new ReadCommand(List.of("cat", allowed(directory) + "/" + file), false);
  }

  /** {@code cat <directory>/key.pem}: the output must stay in memory and be dropped after use. */
  public static ReadCommand privateKey(String directory) {
    return new ReadCommand(List.of("cat", allowed(directory) + "/" + KEY_FILE), true);
  }

  private static String allowed(String directory) {
    if (!DIRECTORIES.contains(directory)) {
      throw new IllegalArgumentException("not a certificate directory: " + directory);
    }
    return directory;
  }

  /** The command line. */
  public List<String> argv() {
    return argv;
  }

  /** Whether the output is a private key (never log, show or save it). */
  public boolean readsKey() {
    return readsKey;
  }

  /** The command as a person would type it. */
  @Override
  public String toString() {
    return String.join(" ", argv);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReadCommand r && r.argv.equals(argv);
  }

  @Override
  public int hashCode() {
    return argv.hashCode();
  }
}
