package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lints everything loaded together: each distinct certificate once, in the role and profile its
 * chains give it, and each chain. Stateless and thread-safe.
 *
 * <p>A certificate's role: the context's hint; else, if it signed another certificate in some
 * chain, INTERMEDIATE or ROOT by its place there; else its shape. Its profile: the context's; else
 * the one detected from the first chain that holds it; else from itself.
 */
public final class LintEngine {

  /** From this many certificates on, they are linted in parallel. */
  static final int PARALLEL_CERTIFICATES = 64;

  private LintEngine() {}

  /**
   * Lints {@code certificates} (each once, duplicates by SHA-256 ignored) and {@code chains}.
   *
   * @param certificates every certificate loaded, in any order; those in no chain are linted alone
   * @param chains the chains built from them
   */
  public static LintReport lint(
      List<CertificateFacts> certificates, List<Chain> chains, LintContext ctx) {
    int size = Math.max(16, certificates.size() * 2);
    Map<String, CertificateRole> asSigner = new HashMap<>(size);
    Map<String, CertificateRole> asLowest = new HashMap<>(size);
    Map<String, Optional<MeshProfile>> profiles = new HashMap<>(size);
    List<List<Finding>> byChain = new ArrayList<>(chains.size());
    for (Chain chain : chains) {
      List<CertificateRole> chainRoles = ChainLints.roles(chain, ctx);
      Optional<MeshProfile> profile = ChainLints.profile(chain, ctx);
      byChain.add(ChainLints.lint(chain, chainRoles, profile));
      for (int i = 0; i < chainRoles.size(); i++) {
        String sha = chain.certificates().get(i).sha256();
        profiles.putIfAbsent(sha, profile);
        (i > 0 ? asSigner : asLowest).putIfAbsent(sha, chainRoles.get(i));
      }
    }
    Map<String, CertificateFacts> distinct = new LinkedHashMap<>(size);
    for (CertificateFacts cert : certificates) {
      distinct.putIfAbsent(cert.sha256(), cert);
    }
    // Each certificate's lints are independent and pure: many are computed in parallel, and put in
    // the report in certificate order.
    Stream<CertificateFacts> each = distinct.values().stream();
    List<List<Finding>> findings =
        (distinct.size() >= PARALLEL_CERTIFICATES ? each.parallel() : each)
            .map(
                cert -> {
                  CertificateRole role =
                      Optional.ofNullable(asSigner.get(cert.sha256()))
                          .or(() -> Optional.ofNullable(asLowest.get(cert.sha256())))
                          .orElseGet(() -> Roles.alone(cert, ctx));
                  // Detected only for certificates in no chain.
                  Optional<MeshProfile> profile = profiles.get(cert.sha256());
                  if (profile == null) {
                    profile = ctx.profile().or(() -> MeshProfiles.detect(List.of(cert)));
                  }
                  return CertificateLints.lint(cert, role, profile, ctx);
                })
            .toList();
    Map<String, List<Finding>> byCertificate = new LinkedHashMap<>(size);
    int i = 0;
    for (String sha : distinct.keySet()) {
      byCertificate.put(sha, findings.get(i++));
    }
    return new LintReport(byCertificate, byChain);
  }
}
