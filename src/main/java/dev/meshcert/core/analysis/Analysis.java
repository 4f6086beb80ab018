package dev.meshcert.core.analysis;

import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.finding.Severity;
import dev.meshcert.core.read.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The result of inspecting inputs read together: chains are built across all of them.
 *
 * @param at the instant expiry was judged at
 * @param sources one per input, in input order; keys in them are matched to certificates of any
 *     source
 * @param trustSources one per trust-anchor input, in the order given; empty when none were given
 * @param certificates one report per distinct certificate (by SHA-256) of {@code sources}, in
 *     first-seen order
 * @param chains the chains built across all sources, in the order of their leaves
 */
public record Analysis(
    Instant at,
    List<Source> sources,
    List<Source> trustSources,
    List<CertificateReport> certificates,
    List<ChainReport> chains) {

  public Analysis {
    sources = List.copyOf(sources);
    trustSources = List.copyOf(trustSources);
    certificates = List.copyOf(certificates);
    chains = List.copyOf(chains);
  }

  /** The report for the certificate with this SHA-256. */
  public Optional<CertificateReport> certificate(String sha256) {
    return certificates.stream().filter(r -> r.certificate().sha256().equals(sha256)).findFirst();
  }

  /** Every finding, certificate findings first, then chain findings. */
  public List<Finding> findings() {
    List<Finding> all = new ArrayList<>();
    certificates.forEach(r -> all.addAll(r.findings()));
    chains.forEach(c -> all.addAll(c.findings()));
    return all;
  }

  /** Whether any certificate or chain has an error-level finding. */
  public boolean hasErrors() {
    return Stream.concat(
            certificates.stream().flatMap(r -> r.findings().stream()),
            chains.stream().flatMap(c -> c.findings().stream()))
        .anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** Inputs (including trust-anchor inputs) that could not be read: see {@link #unread(Source)}. */
  public List<Source> unreadable() {
    return Stream.concat(sources.stream(), trustSources.stream()).filter(Analysis::unread).toList();
  }

  /**
   * Whether nothing useful could be read from the source: it has problems and yielded neither a
   * certificate nor certificate metadata (a wrong PKCS#12 password, random bytes, an empty file). A
   * file with only a private key and no problem counts as read.
   */
  public static boolean unread(Source s) {
    return s.certificates().isEmpty() && s.metadata().isEmpty() && !s.problems().isEmpty();
  }
}
