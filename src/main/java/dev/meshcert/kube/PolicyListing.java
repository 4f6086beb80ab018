package dev.meshcert.kube;

import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthentication;
import java.util.List;
import java.util.Optional;

/**
 * The PeerAuthentications found, valid or not.
 *
 * @param policies every object, with its validation errors
 * @param apiVersion the API version served ("security.istio.io/v1"), empty when the CRD is absent
 * @param notes what a person should know ("the PeerAuthentication CRD is not installed")
 */
public record PolicyListing(
    List<ParsedPeerAuthentication> policies, Optional<String> apiVersion, List<String> notes) {

  /** Copies the lists. */
  public PolicyListing {
    policies = List.copyOf(policies);
    notes = List.copyOf(notes);
  }

  /** The valid policies. */
  public List<PeerAuthentication> valid() {
    return policies.stream().flatMap(p -> p.policy().stream()).toList();
  }
}
