package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a certificate against trust anchors (RFC 5280 §6.1), building every candidate path
 * through the given intermediates: several issuers sharing a name, cross-signed roots, duplicate
 * anchors. Each path is checked in full and its problems kept, so the verdict can say why each one
 * failed. A trust anchor ends a path (its own signature is not checked, but its validity, CA flag,
 * path length and name constraints are, as most validators do).
 *
 * <p>Bounded: a path has at most {@link #MAX_PATH_CERTIFICATES} certificates, a search explores at
 * most {@link #MAX_CANDIDATE_PATHS} paths. Thread-safe; signature results are cached in the {@link
 * SignatureVerifier}, which may be shared with a {@link ChainBuilder}.
 */
public final class PathValidator {

  /** Longest path tried, leaf and anchor included. */
  public static final int MAX_PATH_CERTIFICATES = 16;

  /** Most candidate paths explored for one leaf. */
  public static final int MAX_CANDIDATE_PATHS = 256;

  /** Most failed paths kept in a verdict. */
  public static final int MAX_REPORTED_PATHS = 32;

  private final SignatureVerifier verifier;

  /** A validator with its own signature cache. */
  public PathValidator() {
    this(new SignatureVerifier());
  }

  /** A validator sharing a signature cache. */
  public PathValidator(SignatureVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * Verifies {@code leaf} at {@code at}.
   *
   * @param anchors the trusted certificates; when empty the verdict is untrusted with reason "no
   *     trust anchors given" (paths are still built, so their problems are reported)
   * @param intermediates certificates that may complete a path, typically everything loaded; may
   *     include the leaf and the anchors
   */
  public TrustVerdict validate(
      CertificateFacts leaf,
      Collection<CertificateFacts> anchors,
      Collection<CertificateFacts> intermediates,
      Instant at) {
    return validate(leaf, anchors, intermediates, at, ValidationOptions.DEFAULT);
  }

  /** As {@link #validate(CertificateFacts, Collection, Collection, Instant)}, with more checks. */
  public TrustVerdict validate(
      CertificateFacts leaf,
      Collection<CertificateFacts> anchors,
      Collection<CertificateFacts> intermediates,
      Instant at,
      ValidationOptions options) {
    return with(anchors, intermediates).validate(leaf, at, options);
  }

  /**
   * Indexes anchors and intermediates once, for validating many leaves against the same
   * certificates (every chain of an analysis).
   */
  public Bound with(
      Collection<CertificateFacts> anchors, Collection<CertificateFacts> intermediates) {
    return new Bound(anchors, intermediates);
  }

  /** A validator bound to one set of anchors and intermediates. Thread-safe. */
  public final class Bound {
    private final Set<CertificateFacts> anchors;
    private final IssuerIndex index;

    private Bound(
        Collection<CertificateFacts> anchors, Collection<CertificateFacts> intermediates) {
      Map<String, CertificateFacts> pool = new LinkedHashMap<>();
      anchors.forEach(a -> pool.putIfAbsent(a.sha256(), a));
      intermediates.forEach(i -> pool.putIfAbsent(i.sha256(), i));
      this.anchors = Set.copyOf(anchors);
      this.index = new IssuerIndex(pool.values());
    }

    /** Verifies {@code leaf} at {@code at} with only the path checks. */
    public TrustVerdict validate(CertificateFacts leaf, Instant at) {
      return validate(leaf, at, ValidationOptions.DEFAULT);
    }

    /** Verifies {@code leaf} at {@code at} with the given extra checks. */
    public TrustVerdict validate(CertificateFacts leaf, Instant at, ValidationOptions options) {
      Search search = new Search(anchors, index, verifier, at, options);
      search.from(leaf);
      return verdict(search);
    }

    private TrustVerdict verdict(Search search) {
      List<FailedPath> failed = new ArrayList<>(search.failed());
      failed.sort(
          Comparator.comparing((FailedPath f) -> !f.reachedAnchor())
              .thenComparingInt(f -> f.problems().size()));
      List<FailedPath> reported =
          failed.size() > MAX_REPORTED_PATHS ? failed.subList(0, MAX_REPORTED_PATHS) : failed;
      Optional<List<CertificateFacts>> verified =
          search.verified().stream().min(Comparator.comparingInt(List::size));
      if (anchors.isEmpty()) {
        return new TrustVerdict(false, "no trust anchors given", Optional.empty(), reported, false);
      }
      if (verified.isPresent()) {
        List<CertificateFacts> path = verified.get();
        String reason =
            path.size() == 1
                ? "the certificate is itself a trust anchor"
                : "verified to trust anchor "
                    + SignatureVerifier.label(path.get(path.size() - 1))
                    + " ("
                    + path.size()
                    + " certificates)";
        return new TrustVerdict(true, reason, verified, reported, true);
      }
      return new TrustVerdict(
          false, untrustedReason(failed, search), Optional.empty(), reported, true);
    }

    private static String untrustedReason(List<FailedPath> failed, Search search) {
      if (failed.isEmpty()) {
        return "not trusted: no candidate path found";
      }
      FailedPath closest = failed.get(0);
      String reason = "not trusted: " + closest.problems().get(0).message();
      int more = closest.problems().size() - 1;
      if (more > 0) {
        reason += " (and " + more + " more problem" + (more == 1 ? "" : "s") + ")";
      }
      if (failed.size() > 1) {
        reason += "; " + failed.size() + " candidate paths failed";
      }
      if (search.truncated()) {
        reason += "; search stopped after " + MAX_CANDIDATE_PATHS + " paths";
      }
      return reason;
    }
  }
}
