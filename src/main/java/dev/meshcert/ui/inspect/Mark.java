package dev.meshcert.ui.inspect;

import dev.meshcert.core.expiry.ExpiryState;

/**
 * What a node or field is highlighted for. The view turns each into a CSS pseudo-class of the same
 * name in kebab case ({@code :expired}, {@code :not-yet-valid}, {@code :spiffe}, {@code :error}).
 */
public enum Mark {
  EXPIRED,
  NOT_YET_VALID,
  EXPIRING,
  VALID,
  SPIFFE,
  AUTHORITY,
  FOREIGN,
  TRUSTED,
  ERROR,
  WARNING;

  /** The mark for an expiry state. */
  public static Mark of(ExpiryState state) {
    return switch (state) {
      case EXPIRED -> EXPIRED;
      case NOT_YET_VALID -> NOT_YET_VALID;
      case EXPIRING -> EXPIRING;
      case VALID -> VALID;
    };
  }

  /** The CSS pseudo-class name: {@code not-yet-valid}. */
  public String cssName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Whether this is one of the four expiry marks. */
  public boolean isExpiry() {
    return ordinal() <= VALID.ordinal();
  }
}
