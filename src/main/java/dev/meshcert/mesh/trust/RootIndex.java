package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.SignatureVerifier;
import dev.meshcert.core.finding.Roles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every root seen in the mesh (the mesh roots given, every certificate of every bundle, every
 * self-signed certificate at the top of a served chain) and which of them a chain verifies to, by
 * signature. Names only narrow the candidates; signatures decide.
 */
final class RootIndex {

  /** Which root a chain verifies to, or why none. */
  record Match(Optional<CertificateFacts> root, String reason) {}

  private final Map<String, CertificateFacts> roots = new LinkedHashMap<>();
  private final Map<String, List<CertificateFacts>> bySubject = new LinkedHashMap<>();
  private final SignatureVerifier verifier;

  RootIndex(
      Collection<WorkloadChain> workloads,
      Collection<CertificateFacts> meshRoots,
      SignatureVerifier verifier) {
    this.verifier = verifier;
    meshRoots.forEach(this::add);
    for (WorkloadChain w : workloads) {
      w.bundle().forEach(this::add);
      CertificateFacts top = w.chain().get(w.chain().size() - 1);
      if (!roots.containsKey(top.sha256()) && top.ca() && Roles.selfSigned(top)) {
        add(top);
      }
    }
  }

  private void add(CertificateFacts root) {
    if (roots.putIfAbsent(root.sha256(), root) == null) {
      bySubject.computeIfAbsent(root.subject(), s -> new ArrayList<>()).add(root);
    }
  }

  /** How many roots are known. */
  int size() {
    return roots.size();
  }

  /** The root {@code chain} verifies to: every link signed by the next, the top by a root. */
  Match match(List<CertificateFacts> chain) {
    for (int i = 0; i + 1 < chain.size(); i++) {
      SignatureVerifier.Result link = verifier.check(chain.get(i), chain.get(i + 1));
      if (!link.valid()) {
        return new Match(
            Optional.empty(),
            "the served chain is broken: certificate "
                + (i + 1)
                + " is not signed by certificate "
                + (i + 2)
                + " ("
                + chain.get(i + 1).displayName()
                + ")");
      }
    }
    CertificateFacts top = chain.get(chain.size() - 1);
    if (roots.containsKey(top.sha256())) {
      return new Match(Optional.of(top), "the chain ends at the root itself");
    }
    List<CertificateFacts> named = bySubject.getOrDefault(top.issuer(), List.of());
    Optional<CertificateFacts> signer = signer(top, named);
    if (signer.isEmpty()) {
      List<CertificateFacts> others =
          roots.values().stream().filter(r -> !named.contains(r)).toList();
      signer = signer(top, others);
    }
    return signer
        .map(r -> new Match(Optional.of(r), "signed by the root"))
        .orElseGet(
            () ->
                new Match(
                    Optional.empty(),
                    "none of the "
                        + roots.size()
                        + " roots seen in the mesh signed "
                        + top.displayName()
                        + " (issuer "
                        + (top.issuer().isEmpty() ? "empty" : top.issuer())
                        + ")"));
  }

  private Optional<CertificateFacts> signer(
      CertificateFacts top, List<CertificateFacts> candidates) {
    return candidates.stream().filter(r -> verifier.verifies(top, r)).findFirst();
  }
}
