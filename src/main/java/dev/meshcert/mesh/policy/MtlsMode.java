package dev.meshcert.mesh.policy;

import java.util.Optional;

/** A PeerAuthentication mTLS mode. */
public enum MtlsMode {
  /** Inherit from the parent scope; PERMISSIVE when nothing is above. */
  UNSET,
  /** Plain text only: the proxy does not terminate mTLS. */
  DISABLE,
  /** mTLS and plain text both accepted. */
  PERMISSIVE,
  /** mTLS required: plain text is refused. */
  STRICT;

  /** The mode named {@code text} exactly as the API spells it, if it is one. */
  public static Optional<MtlsMode> parse(String text) {
    for (MtlsMode m : values()) {
      if (m.name().equals(text)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
