package dev.meshcert.core.analysis;

import dev.meshcert.core.read.Source;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of inspecting inputs read together: chains are built across all of them.
 *
 * @param at the instant expiry was judged at
 * @param sources one per input, in input order
 * @param certificates one report per distinct certificate (by SHA-256), in first-seen order
 * @param chains the chains built across all sources
 */
public record Analysis(
    Instant at,
    List<Source> sources,
    List<CertificateReport> certificates,
    List<ChainReport> chains) {

  public Analysis {
    sources = List.copyOf(sources);
    certificates = List.copyOf(certificates);
    chains = List.copyOf(chains);
  }

  /** The report for the certificate with this SHA-256. */
  public Optional<CertificateReport> certificate(String sha256) {
    return certificates.stream().filter(r -> r.certificate().sha256().equals(sha256)).findFirst();
  }
}
