package dev.meshcert.kube.pull;

import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.ReadCommand;

/**
 * Istio sidecar, second choice: exec {@code pilot-agent request GET config_dump?mask=...} in the
 * proxy container, which asks Envoy's admin from inside the pod. Needs {@code create pods/exec}.
 */
final class PilotAgentExec implements Strategy {

  private final String container;

  PilotAgentExec(String container) {
    this.container = container;
  }

  @Override
  public String name() {
    return "exec " + container + ": " + ReadCommand.pilotAgentSecrets();
  }

  @Override
  public PulledChain pull(PodContext pod) throws KubeException, PullException {
    byte[] body =
        pod.access()
            .exec(
                pod.pod().namespace(),
                pod.pod().name(),
                container,
                ReadCommand.pilotAgentSecrets(),
                pod.cancellation());
    return EnvoySecrets.read(body, "pilot-agent config_dump (exec " + container + ")");
  }
}
