package dev.meshcert.probe;

/**
 * The curl and openssl commands that repeat an experiment by hand. When the SNI differs from the
 * host connected to (a port-forward, a demo server, Istio's outbound cluster name), curl is told to
 * send the name while connecting to the address, with {@code --connect-to}.
 */
final class Reproduce {
  private Reproduce() {}

  static String command(Experiment experiment, ProbeTarget target) {
    String sni = target.serverName().orElse(target.host());
    boolean renamed = !sni.equals(target.host());
    String tlsUrl =
        "https://" + (renamed ? authority(sni, target.port()) : target.authority()) + target.path();
    String connectTo =
        renamed ? " --connect-to " + authority(sni, target.port()) + ":" + target.authority() : "";
    String openssl = "\nopenssl s_client -connect " + target.authority() + " -servername " + sni;
    return switch (experiment) {
      case PLAIN_HTTP -> "curl -v http://" + target.authority() + target.path();
      case TLS_NO_CLIENT_CERT ->
          "curl -v -k" + connectTo + " " + tlsUrl + openssl + " -alpn http/1.1 </dev/null";
      case TLS_WITH_IDENTITY ->
          "curl -v -k --key key.pem --cert cert-chain.pem --cacert root-cert.pem"
              + connectTo
              + " "
              + tlsUrl
              + openssl
              + " -cert cert-chain.pem -key key.pem -CAfile root-cert.pem -alpn http/1.1"
              + " </dev/null";
    };
  }

  private static String authority(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
