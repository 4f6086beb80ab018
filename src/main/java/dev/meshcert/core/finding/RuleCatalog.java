package dev.meshcert.core.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every lint rule, in the order of {@code docs/rules.md}. */
public final class RuleCatalog {

  private static final List<Rule> ALL = build();

  private RuleCatalog() {}

  /** All rules; IDs are unique. */
  public static List<Rule> all() {
    return ALL;
  }

  /** The rule with this ID. */
  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  private static List<Rule> build() {
    List<Rule> all = new ArrayList<>();
    all.addAll(X509Rules.RULES);
    all.addAll(SpiffeIdRules.all());
    all.addAll(SvidRules.RULES);
    all.addAll(SvidSigningRules.RULES);
    all.add(ChainRules.SIGNING_TRUST_DOMAIN);
    all.addAll(IstioRules.RULES);
    all.addAll(LinkerdRules.RULES);
    all.add(ChainRules.LINKERD_ISSUER_NOT_FROM_ANCHOR);
    all.add(ChainRules.LINKERD_LEAF_CLAMPED);
    all.addAll(IdentityRules.RULES);
    all.addAll(RotationRules.RULES);
    return List.copyOf(all);
  }
}
