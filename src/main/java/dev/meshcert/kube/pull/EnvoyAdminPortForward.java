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
    AdminHttp.Answer answer;
    try (PortForwardStream stream =
        pod.access()
            .portForward(pod.pod().namespace(), pod.pod().name(), port, pod.cancellation())) {
      answer = AdminHttp.fetch(stream, "/" + ReadCommand.SECRETS_DUMP_PATH);
    } catch (PortForwardStream.ForwardError e) {
      throw new PullException(e.getMessage());
    } catch (IOException e) {
      throw new PullException(dropped(e.getMessage()));
    } catch (AdminHttp.HttpFailure e) {
      throw new PullException("Envoy admin answered " + e.getMessage());
    }
    try {
      return EnvoySecrets.read(
          answer.body(), "Envoy admin config_dump (port-forward :" + port + ")");
    } catch (PullException e) {
      if (answer.toEnd() && EnvoySecrets.endsMidJson(answer.body())) {
        // no length to check against: a JSON that stops mid-way is the only sign of the cut
        throw new PullException(
            dropped(
                "the answer, read to the end of the connection, stopped after "
                    + answer.body().length
                    + " bytes in the middle of its JSON"));
      }
      throw e;
    }
  }

  /**
   * A connection that ended mid-answer, with its likely causes and what to try: the same pull
   * usually works again.
   */
  static String dropped(String detail) {
    return "the port-forwarded connection dropped mid-answer ("
        + detail
        + "): the pod may have restarted, or the API server or a proxy in between cut the stream;"
        + " scan this pod again";
  }
}
