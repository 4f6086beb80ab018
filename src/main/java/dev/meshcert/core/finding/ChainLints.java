package dev.meshcert.core.finding;

import dev.meshcert.core.chain.Chain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Lints what only a chain shows: trust domains of signers against the leaf's, the chain's effective
 * expiry, Linkerd's issuer-to-anchor link and leaf clamping. The certificates' own findings come
 * from {@link CertificateLints} (or both at once from {@link LintEngine}); path verification
 * against trust anchors is not a lint. Stateless and thread-safe.
 */
public final class ChainLints {

  private ChainLints() {}

  /**
   * The chain's own findings, most severe first; each names the certificate it is about.
   *
   * @return findings; empty when nothing is wrong
   */
  public static List<Finding> lint(Chain chain, LintContext ctx) {
    List<Finding> out = new ArrayList<>();
    ChainRules.check(chain, roles(chain, ctx), profile(chain, ctx), out);
    return CertificateLints.sorted(out);
  }

  /** The role of each certificate of the chain, leaf first (see {@link Roles#inChain}). */
  public static List<CertificateRole> roles(Chain chain, LintContext ctx) {
    return IntStream.range(0, chain.certificates().size())
        .mapToObj(i -> Roles.inChain(chain, i, ctx))
        .toList();
  }

  /** The context's profile, or the one detected from the chain's certificates. */
  public static Optional<MeshProfile> profile(Chain chain, LintContext ctx) {
    return ctx.profile().or(() -> MeshProfiles.detect(chain.certificates()));
  }

  /** When the chain stops validating. */
  public static EffectiveExpiry effectiveExpiry(Chain chain) {
    return EffectiveExpiry.of(chain);
  }
}
