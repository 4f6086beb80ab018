package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lints everything loaded together: each distinct certificate once, in the role and profile its
 * chains give it, and each chain. Stateless and thread-safe.
 *
 * <p>A certificate's role: the context's hint; else, if it signed another certificate in some
 * chain, INTERMEDIATE or ROOT by its place there; else its shape. Its profile: the context's; else
 * the one detected from the first chain that holds it; else from itself.
 */
public final class LintEngine {

  private LintEngine() {}

  /**
   * Lints {@code certificates} (each once, duplicates by SHA-256 ignored) and {@code chains}.
   *
   * @param certificates every certificate loaded, in any order; those in no chain are linted alone
   * @param chains the chains built from them
   */
  public static LintReport lint(
      List<CertificateFacts> certificates, List<Chain> chains, LintContext ctx) {
    Map<String, CertificateRole> asSigner = new HashMap<>();
    Map<String, CertificateRole> asLowest = new HashMap<>();
    Map<String, Optional<MeshProfile>> profiles = new HashMap<>();
    for (Chain chain : chains) {
      List<CertificateRole> chainRoles = ChainLints.roles(chain, ctx);
      Optional<MeshProfile> profile = ChainLints.profile(chain, ctx);
      for (int i = 0; i < chainRoles.size(); i++) {
        String sha = chain.certificates().get(i).sha256();
        profiles.putIfAbsent(sha, profile);
        (i > 0 ? asSigner : asLowest).putIfAbsent(sha, chainRoles.get(i));
      }
    }
    Map<String, List<Finding>> byCertificate = new LinkedHashMap<>();
    for (CertificateFacts cert : certificates) {
      if (byCertificate.containsKey(cert.sha256())) {
        continue;
      }
      CertificateRole role =
          Optional.ofNullable(asSigner.get(cert.sha256()))
              .or(() -> Optional.ofNullable(asLowest.get(cert.sha256())))
              .orElseGet(() -> Roles.alone(cert, ctx));
      Optional<MeshProfile> profile =
          profiles.getOrDefault(
              cert.sha256(), ctx.profile().or(() -> MeshProfiles.detect(List.of(cert))));
      byCertificate.put(cert.sha256(), CertificateLints.lint(cert, role, profile, ctx));
    }
    List<List<Finding>> byChain = chains.stream().map(c -> ChainLints.lint(c, ctx)).toList();
    return new LintReport(byCertificate, byChain);
  }
}
