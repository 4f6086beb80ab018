package dev.meshcert.mesh.policy;

import java.util.List;
import java.util.Optional;

/**
 * The client-side TLS settings of an Istio {@code DestinationRule} (networking.istio.io): what
 * sidecars calling {@code host} originate, for all ports, per port and per subset.
 *
 * @param ref namespace and name
 * @param host the destination host as written ("reviews", "reviews.bookinfo.svc.cluster.local",
 *     "*.bookinfo.svc.cluster.local")
 * @param settings every tls.mode the rule sets, rule-wide first
 */
public record DestinationRule(PolicyRef ref, String host, List<TlsSetting> settings) {

  /** Copies the list. */
  public DestinationRule {
    settings = List.copyOf(settings);
  }

  /**
   * One tls.mode of the rule.
   *
   * @param port the port of a {@code portLevelSettings} entry, empty for every port
   * @param subset the subset it belongs to, empty for the rule's own trafficPolicy
   * @param mode the mode
   */
  public record TlsSetting(Optional<Integer> port, Optional<String> subset, ClientTlsMode mode) {

    /** "trafficPolicy", "portLevelSettings[9080]", "subset v2 portLevelSettings[9080]". */
    public String where() {
      String base = subset.map(s -> "subset " + s + " ").orElse("");
      return base + port.map(p -> "portLevelSettings[" + p + "]").orElse("trafficPolicy");
    }
  }

  /**
   * The service this rule's host names, as {@code namespace/name}, when it is a Kubernetes service
   * name (short, {@code name.ns}, {@code name.ns.svc}, or {@code name.ns.svc.<domain>}); empty for
   * wildcards and external hosts.
   */
  public Optional<String> serviceRef() {
    if (host.startsWith("*") || host.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = host.split("\\.");
    if (parts.length == 1) {
      return Optional.of(ref.namespace() + "/" + parts[0]);
    }
    if (parts.length == 2 || "svc".equals(parts[2])) {
      return Optional.of(parts[1] + "/" + parts[0]);
    }
    return Optional.empty();
  }

  /** For wildcard hosts {@code *.ns.svc.<domain>}: the namespace every service of which matches. */
  public Optional<String> wildcardNamespace() {
    String[] parts = host.split("\\.");
    if (parts.length >= 3 && "*".equals(parts[0]) && "svc".equals(parts[2])) {
      return Optional.of(parts[1]);
    }
    return Optional.empty();
  }
}
