package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Finds candidate issuers of a certificate by name (subject equal to its issuer, compared as
 * distinguished names) and by key identifier (SKI equal to its AKI). Candidates are only that:
 * callers must verify the signature before linking.
 */
final class IssuerIndex {

  /**
   * At most this many candidates are returned per certificate, so that thousands of certificates
   * sharing one name (empty subjects, for instance) cannot make building quadratic.
   */
  static final int MAX_CANDIDATES = 32;

  /** By subject, compared as distinguished names (case, spacing and string types aside). */
  private final Map<X500Name, List<CertificateFacts>> bySubject = new HashMap<>();

  /**
   * The same lists by the subject's RFC 4514 text, a fast path: comparing two {@link X500Name}s
   * canonicalises every value again on each comparison, and thousands of leaves name the same few
   * issuers. Names with the same text share a list; a name whose text is not here is looked up in
   * {@link #bySubject}, so no candidate is lost, and a false candidate costs only a check.
   */
  private final Map<String, List<CertificateFacts>> bySubjectText = new HashMap<>();

  private final Map<String, List<CertificateFacts>> bySki = new HashMap<>();

  IssuerIndex(Collection<CertificateFacts> certificates) {
    for (CertificateFacts c : certificates) {
      bySubjectText
          .computeIfAbsent(
              c.subject(),
              text -> bySubject.computeIfAbsent(c.holder().getSubject(), k -> new ArrayList<>(1)))
          .add(c);
      c.subjectKeyId().ifPresent(ski -> bySki.computeIfAbsent(ski, k -> new ArrayList<>(1)).add(c));
    }
  }

  /**
   * Certificates that may have issued {@code child}, itself included when its names or key
   * identifiers say it may be self-signed; those matching by key identifier and CAs come first.
   */
  List<CertificateFacts> candidates(CertificateFacts child) {
    Set<CertificateFacts> found = new LinkedHashSet<>();
    child.authorityKeyId().ifPresent(aki -> found.addAll(bySki.getOrDefault(aki, List.of())));
    List<CertificateFacts> byName = bySubjectText.get(child.issuer());
    found.addAll(
        byName != null ? byName : bySubject.getOrDefault(child.holder().getIssuer(), List.of()));
    if (found.size() <= 1) {
      return List.copyOf(found);
    }
    List<CertificateFacts> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparing((CertificateFacts c) -> !keyIdMatches(child, c))
            .thenComparing(c -> !c.ca())
            .thenComparing(CertificateFacts::sha256));
    return sorted.size() > MAX_CANDIDATES ? sorted.subList(0, MAX_CANDIDATES) : sorted;
  }

  /** The child's AKI names the candidate's SKI. */
  static boolean keyIdMatches(CertificateFacts child, CertificateFacts candidate) {
    return child.authorityKeyId().isPresent()
        && child.authorityKeyId().equals(candidate.subjectKeyId());
  }
}
