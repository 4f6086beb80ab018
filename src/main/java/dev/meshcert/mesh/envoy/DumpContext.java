package dev.meshcert.mesh.envoy;

/**
 * The context keys mesh readers put on {@link dev.meshcert.core.read.CertificateEntry}s. Stable:
 * lints and views look them up by these strings (core cannot import this class).
 */
public final class DumpContext {

  /** Envoy: the SDS secret name ("default", "ROOTCA"). */
  public static final String SECRET = "secret";

  /** Envoy: ACTIVE, WARMING or STATIC. ztunnel: see {@link #STATE}. */
  public static final String STATUS = "status";

  /** Envoy: "Cert Chain" or "CA", as istioctl's TYPE column. */
  public static final String TYPE = "type";

  /** The trust domain the dump assigns (SPIFFE validator bundles). */
  public static final String TRUST_DOMAIN = "trust domain";

  /** Envoy: {@code version_info} as given. */
  public static final String VERSION_INFO = "version_info";

  /** Envoy: {@code last_updated} as given. */
  public static final String LAST_UPDATED = "last_updated";

  /** Envoy: what is known of the secret's private key; the key itself is never kept. */
  public static final String PRIVATE_KEY = "private key";

  /** Position in the list it came from: "1 of 2". */
  public static final String POSITION = "position";

  /** ztunnel: the SPIFFE identity the certificate is held for. */
  public static final String IDENTITY = "identity";

  /** ztunnel: the state as given ("Unavailable: signing gRPC error ..."). */
  public static final String STATE = "state";

  /** ztunnel: the state as istioctl collapses it ("Unavailable"). */
  public static final String STATE_SHORT = "state (short)";

  /** ztunnel: Leaf, Intermediate or Root, by position as istioctl labels it. */
  public static final String ROLE = "role";

  /**
   * Set when metadata given beside the certificate contradicts the certificate itself; the value
   * says which fields and how ("expirationTime 2033-03-22T13:04:57Z, certificate notAfter
   * 2023-03-22T13:04:57Z"). The certificate is the authority.
   */
  public static final String METADATA_MISMATCH = "metadata mismatch";

  private DumpContext() {}
}
