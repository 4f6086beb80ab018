package dev.meshcert.mesh.detect;

import java.util.List;
import java.util.Optional;

/**
 * The parts of Istio's mesh config (the {@code mesh} key of the {@code istio} ConfigMap) that
 * matter for identities and policy.
 *
 * @param trustDomain the trust domain SPIFFE IDs are issued in ("cluster.local" by default)
 * @param trustDomainAliases other trust domains accepted as this one
 * @param rootNamespace the namespace whose PeerAuthentications are mesh-wide, when configured
 * @param caAddress {@code defaultConfig.caAddress}: where proxies get certificates, when set
 * @param problems what could not be read, empty when the config parsed
 */
public record MeshConfig(
    String trustDomain,
    List<String> trustDomainAliases,
    Optional<String> rootNamespace,
    Optional<String> caAddress,
    List<String> problems) {

  /** Istio's default trust domain. */
  public static final String DEFAULT_TRUST_DOMAIN = "cluster.local";

  /** Copies the lists. */
  public MeshConfig {
    trustDomainAliases = List.copyOf(trustDomainAliases);
    problems = List.copyOf(problems);
  }

  /** The config Istio uses when none is given. */
  public static MeshConfig defaults() {
    return new MeshConfig(
        DEFAULT_TRUST_DOMAIN, List.of(), Optional.empty(), Optional.empty(), List.of());
  }

  /** This config with a problem added. */
  public MeshConfig withProblem(String problem) {
    List<String> all = new java.util.ArrayList<>(problems);
    all.add(problem);
    return new MeshConfig(trustDomain, trustDomainAliases, rootNamespace, caAddress, all);
  }
}
