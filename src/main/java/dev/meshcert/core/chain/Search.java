package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Depth-first enumeration of the candidate paths from one leaf towards the trust anchors; each
 * finished path (at an anchor, or stuck) is checked by {@link PathChecker}. Not thread-safe: one
 * search per validation.
 */
final class Search {
  private final Set<CertificateFacts> anchors;
  private final IssuerIndex index;
  private final SignatureVerifier verifier;
  private final Instant at;
  private final ValidationOptions options;
  private final List<CertificateFacts> path = new ArrayList<>();
  private final List<List<CertificateFacts>> verified = new ArrayList<>();
  private final List<FailedPath> failed = new ArrayList<>();
  private boolean truncated;

  Search(
      Set<CertificateFacts> anchors,
      IssuerIndex index,
      SignatureVerifier verifier,
      Instant at,
      ValidationOptions options) {
    this.anchors = anchors;
    this.index = index;
    this.verifier = verifier;
    this.at = at;
    this.options = options;
  }

  List<List<CertificateFacts>> verified() {
    return verified;
  }

  List<FailedPath> failed() {
    return failed;
  }

  boolean truncated() {
    return truncated;
  }

  void from(CertificateFacts leaf) {
    path.add(leaf);
    extend();
    path.remove(path.size() - 1);
  }

  private void extend() {
    if (verified.size() + failed.size() >= PathValidator.MAX_CANDIDATE_PATHS) {
      truncated = true;
      return;
    }
    CertificateFacts top = path.get(path.size() - 1);
    if (anchors.contains(top)) {
      finish(true, Optional.empty());
      return;
    }
    if (path.size() >= PathValidator.MAX_PATH_CERTIFICATES) {
      finish(
          false,
          Optional.of(
              new PathProblem(
                  ChainRule.TOO_LONG,
                  Optional.empty(),
                  "no trust anchor within "
                      + PathValidator.MAX_PATH_CERTIFICATES
                      + " certificates")));
      return;
    }
    List<CertificateFacts> candidates = new ArrayList<>(index.candidates(top));
    boolean selfSigned = candidates.remove(top) && verifier.verifies(top, top);
    boolean loopsOnly = !candidates.isEmpty() && path.containsAll(candidates);
    candidates.removeAll(path);
    candidates.sort(Comparator.comparing(c -> !anchors.contains(c)));
    boolean extended = false;
    for (CertificateFacts issuer : candidates) {
      SignatureVerifier.Result signature = verifier.check(top, issuer);
      if (signature.valid()) {
        extended = true;
        path.add(issuer);
        extend();
        path.remove(path.size() - 1);
      } else if (!IssuerIndex.keyIdMatches(top, issuer) && selfSigned) {
        // A self-signed root merely sharing its name with another CA: not a candidate path.
        continue;
      } else {
        path.add(issuer);
        finish(
            anchors.contains(issuer),
            Optional.of(
                PathChecker.problem(
                    ChainRule.SIGNATURE, top, signature.problem().orElse("signature invalid"))));
        path.remove(path.size() - 1);
        extended = true;
      }
    }
    if (extended) {
      return;
    }
    finish(false, Optional.of(deadEnd(top, selfSigned, loopsOnly)));
  }

  private PathProblem deadEnd(CertificateFacts top, boolean selfSigned, boolean loopsOnly) {
    String label = new Links(path, false).label(path.size() - 1);
    if (selfSigned) {
      return PathChecker.problem(
          ChainRule.ROOT_NOT_TRUSTED, top, label + " is self-signed but not a trust anchor");
    }
    if (loopsOnly) {
      return PathChecker.problem(
          ChainRule.MISSING_ISSUER,
          top,
          "the issuers of " + label + " only lead back into the path (a cross-signing loop)");
    }
    String issuer = top.issuer().isEmpty() ? "empty name" : top.issuer();
    return PathChecker.problem(
        ChainRule.MISSING_ISSUER,
        top,
        "the issuer of " + label + " (" + issuer + ") is not among the certificates given");
  }

  private void finish(boolean anchored, Optional<PathProblem> first) {
    List<PathProblem> problems = new ArrayList<>();
    first.ifPresent(problems::add);
    problems.addAll(PathChecker.check(path, anchored, at, options));
    if (problems.isEmpty()) {
      verified.add(List.copyOf(path));
      return;
    }
    problems.sort(Comparator.comparingInt(p -> p.rule().ordinal()));
    failed.add(new FailedPath(path, anchored, problems));
  }
}
