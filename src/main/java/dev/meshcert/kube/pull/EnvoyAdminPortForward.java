package dev.meshcert.kube.pull;

import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.PortForwardStream;
import dev.meshcert.kube.ReadCommand;
import java.io.IOException;

/**
 * Istio sidecar, first choice: port-forward to Envoy's admin port and {@code GET
 * /config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets}, as istioctl does. Needs {@code
 * create pods/portforward}; runs nothing in the pod.
 */
final class EnvoyAdminPortForward implements Strategy {

  private final int port;

  EnvoyAdminPortForward(int port) {
    this.port = port;
  }

  @Override
  public String name() {
    return "port-forward :" + port + " GET /" + ReadCommand.SECRETS_DUMP_PATH;
  }

  @Override
  public PulledChain pull(PodContext pod) throws KubeException, PullException {
    byte[] body;
    try (PortForwardStream stream =
        pod.access()
            .portForward(pod.pod().namespace(), pod.pod().name(), port, pod.cancellation())) {
      body = AdminHttp.get(stream, "/" + ReadCommand.SECRETS_DUMP_PATH);
    } catch (IOException e) {
      throw new PullException("the port-forwarded connection dropped: " + e.getMessage());
    } catch (AdminHttp.HttpFailure e) {
      throw new PullException("Envoy admin answered " + e.getMessage());
    }
    return EnvoySecrets.read(body, "Envoy admin config_dump (port-forward :" + port + ")");
  }
}
