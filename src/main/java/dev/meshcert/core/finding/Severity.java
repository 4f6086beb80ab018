package dev.meshcert.core.finding;

/** How much a finding matters. Ordered from most to least severe. */
public enum Severity {
  /** Something is broken or non-conforming: mTLS will fail or the identity is wrong. */
  ERROR,
  /** Likely to cause trouble soon or in some peers. */
  WARNING,
  /** Worth knowing; nothing to fix. */
  INFO
}
