package dev.meshcert.core.finding;

/**
 * What a certificate is for, which decides the rules it must follow. In SPIFFE terms LEAF is a leaf
 * SVID and INTERMEDIATE and ROOT are signing certificates; in Linkerd terms they are the workload
 * certificate, the identity issuer and the trust anchor.
 */
public enum CertificateRole {
  /** An end-entity certificate that identifies a workload. */
  LEAF,
  /** A CA certificate signed by another CA. */
  INTERMEDIATE,
  /** A self-signed CA certificate: a trust anchor. */
  ROOT;

  /** Whether the role is a CA's (SPIFFE: a signing certificate). */
  public boolean signing() {
    return this != LEAF;
  }
}
