package dev.meshcert.core.expiry;

/** Where a certificate stands in its validity period at a given instant. */
public enum ExpiryState {
  EXPIRED,
  NOT_YET_VALID,
  EXPIRING,
  VALID
}
