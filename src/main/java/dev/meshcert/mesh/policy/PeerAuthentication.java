package dev.meshcert.mesh.policy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A valid PeerAuthentication object.
 *
 * @param apiVersion "security.istio.io/v1" or "security.istio.io/v1beta1"
 * @param namespace its namespace
 * @param name its name
 * @param created its creation timestamp; among policies of one scope the oldest wins, so an unknown
 *     time sorts first (as Istio's zero time does)
 * @param selector {@code spec.selector.matchLabels}: empty when there is no selector, present but
 *     empty for {@code selector: {}} (which Istio treats as no selector)
 * @param mode {@code spec.mtls.mode}, UNSET when absent
 * @param portLevelMtls {@code spec.portLevelMtls}: container port to mode
 */
public record PeerAuthentication(
    String apiVersion,
    String namespace,
    String name,
    Optional<Instant> created,
    Optional<Map<String, String>> selector,
    MtlsMode mode,
    Map<Integer, MtlsMode> portLevelMtls) {

  /** Copies the maps. */
  public PeerAuthentication {
    selector = selector.map(Map::copyOf);
    portLevelMtls = Map.copyOf(portLevelMtls);
  }

  /** A policy without selector or port levels (namespace- or mesh-wide). */
  public static PeerAuthentication namespaceWide(String namespace, String name, MtlsMode mode) {
    return new PeerAuthentication(
        "security.istio.io/v1",
        namespace,
        name,
        Optional.empty(),
        Optional.empty(),
        mode,
        Map.of());
  }

  /** Its reference. */
  public PolicyRef ref() {
    return new PolicyRef(namespace, name);
  }

  /** Whether it selects workloads by label (a non-empty {@code matchLabels}). */
  public boolean hasWorkloadSelector() {
    return selector.map(s -> !s.isEmpty()).orElse(false);
  }

  /** Whether its selector matches {@code labels}; false when it has no workload selector. */
  public boolean selects(Map<String, String> labels) {
    return hasWorkloadSelector()
        && selector.get().entrySet().stream()
            .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  /** This policy with a creation time. */
  public PeerAuthentication createdAt(Instant time) {
    return new PeerAuthentication(
        apiVersion, namespace, name, Optional.of(time), selector, mode, portLevelMtls);
  }
}
