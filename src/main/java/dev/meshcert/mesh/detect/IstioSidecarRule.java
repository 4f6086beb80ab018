package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.VolumeMount;
import dev.meshcert.mesh.workload.Workload;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Istio's injected Envoy: the {@code istio-proxy} container (or native sidecar), the {@code
 * sidecar.istio.io/status} annotation the injector writes, and the revision labels.
 */
final class IstioSidecarRule implements DataPlaneRule {

  static final String PROXY = "istio-proxy";
  static final String STATUS = "sidecar.istio.io/status";
  private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*\"([^\"]*)\"");

  @Override
  public Optional<DataPlaneDetection> detect(Workload pod, DetectionContext context) {
    if (IstioZtunnelRule.isZtunnel(pod) && !pod.annotations().containsKey(STATUS)) {
      return Optional.empty();
    }
    DetectionBuilder b = new DetectionBuilder(DataPlane.ISTIO_SIDECAR);
    Optional<Container> proxy = pod.runningContainer(PROXY);
    proxy.ifPresent(c -> b.proxy(pod, c, c.imageTag()));
    String status = pod.annotations().get(STATUS);
    Optional<String> revision = Optional.empty();
    if (status != null) {
      Matcher m = REVISION.matcher(status);
      revision = m.find() && !m.group(1).isEmpty() ? Optional.of(m.group(1)) : Optional.empty();
      b.evidence("annotation " + STATUS + revision.map(r -> " (revision " + r + ")").orElse(""));
    }
    String revLabel = pod.labels().get("istio.io/rev");
    if (revLabel != null && b.hasEvidence()) {
      b.evidence("label istio.io/rev=" + revLabel);
    }
    if ("istio".equals(pod.labels().get("security.istio.io/tlsMode")) && b.hasEvidence()) {
      b.evidence("label security.istio.io/tlsMode=istio");
    }
    if (!b.hasEvidence()) {
      return Optional.empty();
    }
    b.revision(revision.orElse(revLabel == null ? "default" : revLabel));
    if (proxy.isEmpty()) {
      b.warning(
          "the injector recorded a sidecar ("
              + STATUS
              + ") but no istio-proxy container runs: the pod spec was edited or injection"
              + " failed");
    } else {
      b.certSource(new CertSource.EnvoyAdmin(PROXY, 15000));
      for (VolumeMount m : proxy.get().mounts()) {
        if (m.mountPath().equals("/etc/certs") || m.mountPath().startsWith("/etc/certs/")) {
          b.certSource(new CertSource.MountedFiles(PROXY, m.mountPath(), m.volume()));
        }
      }
    }
    return b.build();
  }
}
