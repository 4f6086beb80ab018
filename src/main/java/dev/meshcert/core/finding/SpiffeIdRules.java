package dev.meshcert.core.finding;

import dev.meshcert.core.spiffe.SpiffeIdRule;
import java.util.Arrays;
import java.util.List;

/** The SPIFFE-ID rules of {@link SpiffeIdRule} as lint rules, for the ID in an SVID's URI SAN. */
final class SpiffeIdRules {

  private SpiffeIdRules() {}

  /** The finding rule for a SPIFFE-ID violation. */
  static Rule rule(SpiffeIdRule r) {
    return new Rule(
        r.ruleId(),
        r.severity(),
        "SPIFFE ID: " + r.title(),
        r.reference(),
        "A SPIFFE ID is spiffe://TRUST_DOMAIN/PATH with a lower-case trust domain of [a-z0-9.-_],"
            + " path segments of [a-zA-Z0-9.-_], no empty, '.' or '..' segments, no trailing"
            + " slash, no percent-encoding, port, user, query or fragment. Fix the ID where it is"
            + " registered (SPIRE entry, mesh trust domain, namespace or service account name).");
  }

  static List<Rule> all() {
    return Arrays.stream(SpiffeIdRule.values()).map(SpiffeIdRules::rule).toList();
  }
}
