package dev.meshcert.core.chain;

import dev.meshcert.core.cert.KeyUsageBit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a validation checks beyond the path itself. {@link #DEFAULT} checks only the path.
 *
 * @param peerName a name the leaf must carry, when the peer's identity is known
 * @param requiredKeyUsage bits the leaf's keyUsage must include when the extension is present
 * @param requiredExtendedKeyUsage purposes ("serverAuth", "clientAuth" or dotted OIDs) the leaf's
 *     extendedKeyUsage must include, when present (anyExtendedKeyUsage satisfies any)
 * @param maxIntermediates the most intermediate CAs a path may have, self-issued ones not counted
 */
public record ValidationOptions(
    Optional<PeerName> peerName,
    Set<KeyUsageBit> requiredKeyUsage,
    Set<String> requiredExtendedKeyUsage,
    OptionalInt maxIntermediates) {

  /** Checks the path only. */
  public static final ValidationOptions DEFAULT =
      new ValidationOptions(Optional.empty(), Set.of(), Set.of(), OptionalInt.empty());

  public ValidationOptions {
    requiredKeyUsage = Set.copyOf(requiredKeyUsage);
    requiredExtendedKeyUsage = Set.copyOf(requiredExtendedKeyUsage);
  }

  /** The same options, requiring the leaf to carry {@code name}. */
  public ValidationOptions withPeerName(PeerName name) {
    return new ValidationOptions(
        Optional.of(name), requiredKeyUsage, requiredExtendedKeyUsage, maxIntermediates);
  }
}
