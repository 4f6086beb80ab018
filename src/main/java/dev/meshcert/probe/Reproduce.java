package dev.meshcert.probe;

/** The curl and openssl commands that repeat an experiment by hand. */
final class Reproduce {
  private Reproduce() {}

  static String command(Experiment experiment, ProbeTarget target) {
    String url = "://" + target.authority() + target.path();
    String sni = target.serverName().orElse(target.host());
    return switch (experiment) {
      case PLAIN_HTTP -> "curl -v http" + url;
      case TLS_NO_CLIENT_CERT ->
          "curl -v -k https"
              + url
              + "\nopenssl s_client -connect "
              + target.authority()
              + " -servername "
              + sni
              + " -alpn http/1.1 </dev/null";
      case TLS_WITH_IDENTITY ->
          "curl -v -k --key key.pem --cert cert-chain.pem --cacert root-cert.pem https"
              + url
              + "\nopenssl s_client -connect "
              + target.authority()
              + " -servername "
              + sni
              + " -cert cert-chain.pem -key key.pem -CAfile root-cert.pem -alpn http/1.1 </dev/null";
    };
  }
}
