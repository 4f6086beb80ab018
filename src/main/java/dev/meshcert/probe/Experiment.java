package dev.meshcert.probe;

/** The three experiments of the Istio mTLS walkthrough. */
public enum Experiment {
  /** {@code curl http://host:port/}: plain text HTTP. */
  PLAIN_HTTP("plain HTTP"),
  /** {@code curl -k https://host:port/}: TLS, no client certificate offered. */
  TLS_NO_CLIENT_CERT("TLS without a client certificate"),
  /** {@code curl --cert --key --cacert https://host:port/}: mutual TLS with a workload identity. */
  TLS_WITH_IDENTITY("TLS with a workload identity");

  private final String label;

  Experiment(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
