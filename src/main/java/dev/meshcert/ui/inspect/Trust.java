package dev.meshcert.ui.inspect;

import java.util.Set;

/**
 * What the person marked as trusted in the Inspect screen: whole sources (a root bundle) and single
 * certificates. Their certificates are the trust anchors chains are verified against.
 *
 * @param sources names of the trusted sources
 * @param certificates SHA-256 (lowercase hex) of the certificates trusted one by one
 */
public record Trust(Set<String> sources, Set<String> certificates) {

  /** Nothing trusted. */
  public static final Trust NONE = new Trust(Set.of(), Set.of());

  public Trust {
    sources = Set.copyOf(sources);
    certificates = Set.copyOf(certificates);
  }

  /** Whether nothing is trusted. */
  public boolean isEmpty() {
    return sources.isEmpty() && certificates.isEmpty();
  }
}
