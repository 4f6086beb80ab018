package dev.meshcert.mesh.policy;

import java.util.Optional;

/**
 * An effective mode and what decided it.
 *
 * @param mode the effective mode, never UNSET
 * @param scope the level of the deciding policy
 * @param policy the deciding policy, empty for the default
 * @param reason one sentence for people ("mesh-wide policy default.istio-system sets STRICT")
 */
public record Decision(
    MtlsMode mode, PolicyScope scope, Optional<PolicyRef> policy, String reason) {

  static Decision byDefault() {
    return new Decision(
        MtlsMode.PERMISSIVE,
        PolicyScope.DEFAULT,
        Optional.empty(),
        "no PeerAuthentication sets a mode: Istio's default PERMISSIVE applies");
  }
}
