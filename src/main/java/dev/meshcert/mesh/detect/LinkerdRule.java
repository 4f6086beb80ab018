package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Workload;
import java.util.Optional;

/**
 * Linkerd: the {@code linkerd-proxy} container (or native sidecar), the proxy-version annotation
 * and control-plane label the injector writes, and the identity name the proxy will request.
 */
final class LinkerdRule implements DataPlaneRule {

  static final String PROXY = "linkerd-proxy";
  static final String VERSION = "linkerd.io/proxy-version";
  static final String CONTROL_PLANE = "linkerd.io/control-plane-ns";
  static final String IDENTITY_ENV = "LINKERD2_PROXY_IDENTITY_LOCAL_NAME";

  @Override
  public Optional<DataPlaneDetection> detect(Workload pod, DetectionContext context) {
    Optional<Container> proxy = pod.runningContainer(PROXY);
    String version = pod.annotations().get(VERSION);
    String controlPlane = pod.labels().get(CONTROL_PLANE);
    if (proxy.isEmpty()) {
      if (controlPlane == null) {
        return Optional.empty();
      }
      return new DetectionBuilder(DataPlane.LINKERD)
          .evidence("label " + CONTROL_PLANE + "=" + controlPlane)
          .warning("labelled as meshed by Linkerd but no linkerd-proxy container runs")
          .build();
    }
    Container c = proxy.get();
    DetectionBuilder b = new DetectionBuilder(DataPlane.LINKERD);
    b.proxy(pod, c, Optional.ofNullable(version).or(c::imageTag));
    if (version != null) {
      b.evidence("annotation " + VERSION + "=" + version);
    }
    if (controlPlane != null) {
      b.evidence("label " + CONTROL_PLANE + "=" + controlPlane);
    }
    String identity = c.env().get(IDENTITY_ENV);
    if (identity != null) {
      b.evidence("identity " + identity + " (" + IDENTITY_ENV + ")");
    }
    b.certSource(new CertSource.LinkerdProxy(PROXY, 4191));
    return b.build();
  }
}
