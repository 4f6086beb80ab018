package dev.meshcert.ui.inspect;

/** The field groups of a certificate, in the order they are shown. */
public enum GroupId {
  OVERVIEW,
  NAMES,
  VALIDITY,
  SPIFFE,
  PUBLIC_KEY,
  SIGNATURE,
  EXTENSIONS,
  FINGERPRINTS,
  FINDINGS,
  TEXT,
  PEM;

  /** The message key of its title: {@code group.public_key}. */
  public String messageKey() {
    return "group." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
