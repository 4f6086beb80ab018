package dev.meshcert.mesh.envoy;

import java.util.List;
import java.util.Optional;

/**
 * One secret of an Envoy {@code SecretsConfigDump}. Private key material is never kept.
 *
 * @param name the SDS resource name ({@code default}, {@code ROOTCA}, {@code
 *     file-root:/etc/certs/root-cert.pem}, ...)
 * @param status where the dump lists it
 * @param versionInfo the {@code version_info} as given ("uninitialized" for a secret never
 *     received)
 * @param lastUpdated the {@code last_updated} timestamp as given (RFC 3339 text)
 * @param parts the certificate-bearing fields, in document order; empty when the secret has no body
 *     yet (a warming secret)
 * @param privateKey what the dump says about the private key ("present (redacted by Envoy)"), empty
 *     when the secret has none
 */
public record EnvoySecret(
    String name,
    SecretStatus status,
    Optional<String> versionInfo,
    Optional<String> lastUpdated,
    List<SecretPart> parts,
    Optional<String> privateKey) {

  public EnvoySecret {
    parts = List.copyOf(parts);
  }

  /** Whether any part carries at least one decoded certificate. */
  public boolean hasCertificates() {
    return parts.stream().anyMatch(p -> !p.certificates().isEmpty());
  }

  /** The first part of a kind, if present. */
  public Optional<SecretPart> part(SecretPart.Kind kind) {
    return parts.stream().filter(p -> p.kind() == kind).findFirst();
  }
}
