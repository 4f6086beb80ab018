package dev.meshcert.kube;

import dev.meshcert.kube.config.ExecConfig;
import dev.meshcert.kube.config.ExecCredential;
import dev.meshcert.kube.config.ExecCredentialException;
import dev.meshcert.kube.config.ExecCredentialPlugin;
import dev.meshcert.kube.config.KubeCluster;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A bearer token: fixed, or from an exec plugin, fetched again when it expires or the server
 * rejects it. Thread-safe.
 */
final class TokenSource {

  /** An exec plugin failure carried through OkHttp, which only passes IOExceptions. */
  static final class CredentialIOException extends IOException {
    private static final long serialVersionUID = 1L;
    private final ExecCredentialException plugin;

    CredentialIOException(ExecCredentialException plugin) {
      super(plugin.getMessage(), plugin);
      this.plugin = plugin;
    }

    ExecCredentialException plugin() {
      return plugin;
    }
  }

  private final Optional<ExecConfig> exec;
  private final KubeCluster cluster;
  private final Duration timeout;
  private final Clock clock;
  private String token;
  private Optional<Instant> expiry;

  private TokenSource(
      String token,
      Optional<Instant> expiry,
      Optional<ExecConfig> exec,
      KubeCluster cluster,
      Duration timeout,
      Clock clock) {
    this.token = token;
    this.expiry = expiry;
    this.exec = exec;
    this.cluster = cluster;
    this.timeout = timeout;
    this.clock = clock;
  }

  static TokenSource fixed(String token, KubeCluster cluster, Clock clock) {
    return new TokenSource(
        token, Optional.empty(), Optional.empty(), cluster, Duration.ZERO, clock);
  }

  static TokenSource exec(
      ExecConfig config, ExecCredential first, KubeCluster cluster, Duration timeout, Clock clock) {
    return new TokenSource(
        first.token().orElseThrow().value(),
        first.expiry(),
        Optional.of(config),
        cluster,
        timeout,
        clock);
  }

  /** The current token, fetched again first if it expired. */
  synchronized String token() throws IOException {
    if (exec.isPresent() && expiry.map(e -> !clock.instant().isBefore(e)).orElse(false)) {
      refresh();
    }
    return token;
  }

  /** Fetches a new token after the server rejected this one; false when it cannot change. */
  synchronized boolean refreshAfterRejection() throws IOException {
    if (exec.isEmpty()) {
      return false;
    }
    refresh();
    return true;
  }

  synchronized Optional<Instant> expiry() {
    return expiry;
  }

  private void refresh() throws IOException {
    try {
      ExecCredential c = ExecCredentialPlugin.run(exec.get(), cluster, timeout);
      token = c.token().orElseThrow(() -> new IOException("the plugin returned no token")).value();
      expiry = c.expiry();
    } catch (ExecCredentialException e) {
      throw new CredentialIOException(e);
    }
  }
}
