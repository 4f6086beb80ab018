package dev.meshcert.mesh.detect;

/** Where an Istio control plane gets the key it signs workload certificates with. */
public enum CaMode {
  /** istiod generated its own root and keeps it in the {@code istio-ca-secret} Secret. */
  SELF_SIGNED("self-signed root (istio-ca-secret)"),
  /** An operator-provided intermediate in the {@code cacerts} Secret. */
  PLUGGED_IN("plugged-in CA (cacerts)"),
  /** Certificates are signed outside istiod (istio-csr, Kubernetes CSR API, a custom CA). */
  EXTERNAL("external CA"),
  /** Nothing visible says which: the Secrets may not be readable. */
  UNKNOWN("unknown");

  private final String displayName;

  CaMode(String displayName) {
    this.displayName = displayName;
  }

  /** A name for people. */
  public String displayName() {
    return displayName;
  }
}
