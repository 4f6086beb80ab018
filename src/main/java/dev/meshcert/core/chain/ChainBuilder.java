package dev.meshcert.core.chain;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Groups certificates loaded together into chains, linking a certificate to its issuer only when
 * the signature verifies. Names and key identifiers merely propose candidates: a certificate whose
 * subject equals its issuer is a root only if it verifies with its own key, and two roots sharing a
 * subject are told apart by their keys.
 *
 * <p>Result: one chain per leaf (a certificate that issued no other loaded certificate), ordered
 * leaf to root, in the order the leaves were first seen. When several issuers verify, the one that
 * reaches a self-signed root in the fewest links is preferred, then one whose SKI matches the AKI,
 * then a CA, then the latest expiry, then the lowest SHA-256. Certificates no leaf's chain passes
 * through (an alternative issuer, a cross-signing cycle) start a chain of their own, so every
 * certificate appears in at least one chain. Duplicates (same SHA-256) count once.
 *
 * <p>Thread-safe. Signature checks, which dominate the cost, run on the common fork-join pool and
 * are cached in the {@link SignatureVerifier}, so rebuilding after adding a file only verifies the
 * new pairs.
 */
public final class ChainBuilder {

  private final SignatureVerifier verifier;

  /** A builder with its own signature cache. */
  public ChainBuilder() {
    this(new SignatureVerifier());
  }

  /** A builder sharing a signature cache, for instance with a {@link PathValidator}. */
  public ChainBuilder(SignatureVerifier verifier) {
    this.verifier = verifier;
  }

  /** Builds the chains; never null, empty only when no certificates are given. */
  public List<Chain> build(Collection<CertificateFacts> certificates) {
    Map<String, CertificateFacts> distinct = new LinkedHashMap<>();
    for (CertificateFacts c : certificates) {
      distinct.putIfAbsent(c.sha256(), c);
    }
    return new Run(distinct.values()).chains();
  }

  /** One build: the links found among one set of certificates. */
  private final class Run {
    private final Collection<CertificateFacts> certs;
    private final Map<CertificateFacts, List<CertificateFacts>> issuers = new HashMap<>();
    private final Set<CertificateFacts> selfSigned = new HashSet<>();
    private final Set<CertificateFacts> issuesOthers = new HashSet<>();
    private Map<CertificateFacts, Integer> steps;
    private final Map<CertificateFacts, CertificateFacts> chosen = new HashMap<>();

    Run(Collection<CertificateFacts> certs) {
      this.certs = certs;
      IssuerIndex index = new IssuerIndex(certs);
      List<CertificateFacts> all = List.copyOf(certs);
      List<List<CertificateFacts>> candidates = all.stream().map(index::candidates).toList();
      // Signature checks dominate the cost and are independent: run them in parallel, then link
      // in input order so that the result does not depend on scheduling.
      boolean[][] valid = new boolean[all.size()][];
      IntStream.range(0, all.size())
          .parallel()
          .forEach(
              n -> {
                List<CertificateFacts> cands = candidates.get(n);
                valid[n] = new boolean[cands.size()];
                for (int k = 0; k < cands.size(); k++) {
                  valid[n][k] = verifier.verifies(all.get(n), cands.get(k));
                }
              });
      for (int n = 0; n < all.size(); n++) {
        CertificateFacts c = all.get(n);
        List<CertificateFacts> verified = new ArrayList<>(1);
        for (int k = 0; k < valid[n].length; k++) {
          CertificateFacts candidate = candidates.get(n).get(k);
          if (!valid[n][k]) {
            continue;
          }
          if (candidate.equals(c)) {
            selfSigned.add(c);
          } else {
            verified.add(candidate);
            issuesOthers.add(candidate);
          }
        }
        issuers.put(c, verified);
      }
    }

    List<Chain> chains() {
      List<Chain> chains = new ArrayList<>();
      Set<CertificateFacts> covered = new HashSet<>();
      for (CertificateFacts c : certs) {
        if (!issuesOthers.contains(c)) {
          chains.add(chainFrom(c, covered));
        }
      }
      for (CertificateFacts c : certs) {
        if (!covered.contains(c)) {
          chains.add(chainFrom(c, covered));
        }
      }
      return chains;
    }

    private Chain chainFrom(CertificateFacts start, Set<CertificateFacts> covered) {
      Set<CertificateFacts> path = new LinkedHashSet<>();
      CertificateFacts current = start;
      while (true) {
        path.add(current);
        if (selfSigned.contains(current)) {
          covered.addAll(path);
          return new Chain(List.copyOf(path), true, Optional.empty());
        }
        Optional<CertificateFacts> next = issuerOf(current);
        if (next.isEmpty()) {
          covered.addAll(path);
          return new Chain(List.copyOf(path), false, Optional.of(current.issuer()));
        }
        if (path.contains(next.get())) {
          covered.addAll(path);
          return new Chain(List.copyOf(path), false, Optional.empty());
        }
        current = next.get();
      }
    }

    private Optional<CertificateFacts> issuerOf(CertificateFacts c) {
      if (chosen.containsKey(c)) {
        return Optional.ofNullable(chosen.get(c));
      }
      CertificateFacts best =
          issuers.get(c).stream()
              .min(
                  Comparator.comparingInt((CertificateFacts i) -> stepsToRoot(i))
                      .thenComparing(i -> !IssuerIndex.keyIdMatches(c, i))
                      .thenComparing(i -> !i.ca())
                      .thenComparing(CertificateFacts::notAfter, Comparator.reverseOrder())
                      .thenComparing(CertificateFacts::sha256))
              .orElse(null);
      chosen.put(c, best);
      return Optional.ofNullable(best);
    }

    private int stepsToRoot(CertificateFacts c) {
      return stepsToRoot().getOrDefault(c, Integer.MAX_VALUE);
    }

    /**
     * Fewest links from each certificate up to a self-signed root, by breadth-first search down
     * from the roots. Following an issuer with fewer steps each time always ends at a root and
     * never loops; certificates without a way up are absent.
     */
    private Map<CertificateFacts, Integer> stepsToRoot() {
      if (steps != null) {
        return steps;
      }
      Map<CertificateFacts, List<CertificateFacts>> issued = new HashMap<>();
      issuers.forEach(
          (child, list) ->
              list.forEach(i -> issued.computeIfAbsent(i, k -> new ArrayList<>()).add(child)));
      steps = new HashMap<>();
      ArrayDeque<CertificateFacts> queue = new ArrayDeque<>();
      for (CertificateFacts root : selfSigned) {
        steps.put(root, 0);
        queue.add(root);
      }
      while (!queue.isEmpty()) {
        CertificateFacts issuer = queue.poll();
        int next = steps.get(issuer) + 1;
        for (CertificateFacts child : issued.getOrDefault(issuer, List.of())) {
          if (!steps.containsKey(child)) {
            steps.put(child, next);
            queue.add(child);
          }
        }
      }
      return steps;
    }
  }
}
