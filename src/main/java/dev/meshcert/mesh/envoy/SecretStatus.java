package dev.meshcert.mesh.envoy;

/** Where a secret sits in Envoy's {@code SecretsConfigDump}. */
public enum SecretStatus {
  /** {@code dynamic_active_secrets}: received over SDS and in use. */
  ACTIVE,
  /** {@code dynamic_warming_secrets}: requested over SDS, not yet in use. */
  WARMING,
  /** {@code static_secrets}: from the bootstrap configuration. */
  STATIC
}
