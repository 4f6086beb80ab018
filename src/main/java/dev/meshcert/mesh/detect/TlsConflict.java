package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.policy.ClientTlsMode;
import dev.meshcert.mesh.policy.PolicyRef;
import java.util.Optional;

/**
 * A DestinationRule whose client-side TLS contradicts what a server pod accepts: requests from
 * sidecars that follow the rule fail.
 *
 * @param kind which contradiction
 * @param rule the DestinationRule
 * @param where the part of the rule ("trafficPolicy", "portLevelSettings[9080]", "subset v2 ...")
 * @param clientMode the mode the rule sets
 * @param service the service the rule's host reaches ("bookinfo/ratings")
 * @param pod the server pod ("bookinfo/ratings-v1-abc")
 * @param port the container port concerned, empty for the workload as a whole
 * @param serverSide what the server accepts and what decided it (the PeerAuthentication, or "no
 *     sidecar")
 */
public record TlsConflict(
    Kind kind,
    PolicyRef rule,
    String where,
    ClientTlsMode clientMode,
    String service,
    String pod,
    Optional<Integer> port,
    String serverSide) {

  /** The contradictions detected. */
  public enum Kind {
    /** Client plain text against a server that requires mTLS. */
    DISABLE_AGAINST_STRICT,
    /** Istio mTLS towards a pod that has no Istio proxy to terminate it. */
    ISTIO_MUTUAL_WITHOUT_SIDECAR
  }

  /** One sentence for people, with the consequence. */
  public String message() {
    String target = pod + port.map(p -> " port " + p).orElse("");
    return switch (kind) {
      case DISABLE_AGAINST_STRICT ->
          "DestinationRule "
              + rule
              + " ("
              + where
              + ") sends plain text (DISABLE) to "
              + target
              + " via service "
              + service
              + ", but the server requires mTLS: "
              + serverSide
              + ". Requests fail (connection reset, 503 upstream connect error).";
      case ISTIO_MUTUAL_WITHOUT_SIDECAR ->
          "DestinationRule "
              + rule
              + " ("
              + where
              + ") sends Istio mTLS (ISTIO_MUTUAL) to "
              + target
              + " via service "
              + service
              + ", but that pod has no Istio proxy to terminate it ("
              + serverSide
              + "). Requests fail (503, TLS error).";
    };
  }

  /** What to do about it. */
  public String hint() {
    return switch (kind) {
      case DISABLE_AGAINST_STRICT ->
          "Remove the tls block (Istio then uses mTLS automatically) or set ISTIO_MUTUAL;"
              + " or relax the server's PeerAuthentication to PERMISSIVE on purpose.";
      case ISTIO_MUTUAL_WITHOUT_SIDECAR ->
          "Inject a sidecar into the pod (label the namespace istio-injection=enabled and restart"
              + " it), or set tls mode DISABLE for this host.";
    };
  }
}
