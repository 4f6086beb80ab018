package dev.meshcert.probe;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a probe goes and how long each step may take.
 *
 * @param host host name or address to connect to
 * @param port TCP port
 * @param serverName SNI to send, when different from host (Istio sends the service's outbound
 *     cluster name; leave empty to send host when it is a name)
 * @param path the HTTP path to request
 * @param expectedSpiffeId the SPIFFE ID the server should present, if known
 * @param connectTimeout TCP connect timeout
 * @param readTimeout timeout for the handshake and each read
 */
public record ProbeTarget(
    String host,
    int port,
    Optional<String> serverName,
    String path,
    Optional<String> expectedSpiffeId,
    Duration connectTimeout,
    Duration readTimeout) {

  public ProbeTarget {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
    }
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
  }

  /** A target with default timeouts (3 s connect, 5 s read), path "/" and no expectations. */
  public static ProbeTarget of(String host, int port) {
    return new ProbeTarget(
        host,
        port,
        Optional.empty(),
        "/",
        Optional.empty(),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5));
  }

  /** "host:port". */
  public String authority() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
