package dev.meshcert.kube;

import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Workload;
import java.time.Duration;

/**
 * Reads the certificates a pod's data plane serves, with fixed read-only commands: Istio's sidecar
 * answers {@code pilot-agent request GET config_dump?resource=dynamic_active_secrets} (Envoy
 * redacts private keys in it); mounted certificate files are read with {@code cat}, naming the
 * certificate files only, never a key. Other sources are reported as not supported.
 */
final class CertificateReader {

  static final String[] ISTIO_SECRETS = ReadOnlyCommands.ISTIO_SECRETS.toArray(String[]::new);

  private final ApiCalls calls;
  private final Duration timeout;

  CertificateReader(ApiCalls calls, Duration timeout) {
    this.calls = calls;
    this.timeout = timeout;
  }

  FetchedCertificates read(
      Workload pod, CertSource source, Cancellation cancellation, Failures.Caller caller)
      throws KubeException {
    String[] command;
    String container;
    String what;
    if (source instanceof CertSource.EnvoyAdmin envoy && envoy.container().equals("istio-proxy")) {
      command = ISTIO_SECRETS;
      container = envoy.container();
      what = "istio-proxy config_dump (secrets)";
    } else if (source instanceof CertSource.MountedFiles files) {
      container = files.container();
      String dir = files.directory().endsWith("/") ? files.directory() : files.directory() + "/";
      command =
          dir.startsWith("/etc/certs/")
              ? new String[] {"cat", dir + "cert-chain.pem", dir + "root-cert.pem"}
              : new String[] {"cat", dir + "tls.crt", dir + "ca.crt"};
      what = container + ":" + files.directory();
    } else {
      throw new KubeException(
          new KubeFailure.NotSupported(
              "reading certificates from " + source.describe(),
              "only Istio sidecars (through pilot-agent) and mounted certificate files can be read"
                  + " from a pod so far"));
    }
    byte[] bytes =
        PodExec.run(
            calls, pod.namespace(), pod.name(), container, command, timeout, cancellation, caller);
    return new FetchedCertificates(pod.ref() + " " + what, bytes);
  }
}
