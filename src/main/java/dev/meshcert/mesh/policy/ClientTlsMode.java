package dev.meshcert.mesh.policy;

/** The TLS a client sidecar originates towards a destination ({@code DestinationRule} tls.mode). */
public enum ClientTlsMode {
  /** Plain text. */
  DISABLE,
  /** TLS without a client certificate. */
  SIMPLE,
  /** mTLS with certificates the rule names. */
  MUTUAL,
  /** mTLS with the mesh's own workload certificates. */
  ISTIO_MUTUAL
}
