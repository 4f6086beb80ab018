package dev.meshcert.mesh.policy;

import java.util.List;
import java.util.Optional;

/**
 * One PeerAuthentication object read from YAML or the API: the policy when valid, the reasons when
 * not.
 *
 * @param ref its namespace and name as written ("" when absent)
 * @param policy the policy, empty when {@code errors} is not
 * @param errors every validation error
 */
public record ParsedPeerAuthentication(
    PolicyRef ref, Optional<PeerAuthentication> policy, List<ValidationError> errors) {

  /** Copies the errors. */
  public ParsedPeerAuthentication {
    errors = List.copyOf(errors);
  }

  /** Whether the object is valid. */
  public boolean isValid() {
    return errors.isEmpty();
  }
}
