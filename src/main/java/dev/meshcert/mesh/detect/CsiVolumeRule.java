package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Volume;
import dev.meshcert.mesh.workload.VolumeMount;
import dev.meshcert.mesh.workload.Workload;
import java.util.Optional;
import java.util.Set;

/**
 * Certificates handed to the application by a CSI driver: SPIRE's Workload API socket ({@code
 * csi.spiffe.io}) or cert-manager's drivers ({@code csi.cert-manager.io}, {@code
 * spiffe.csi.cert-manager.io}).
 */
final class CsiVolumeRule implements DataPlaneRule {

  private final DataPlane plane;
  private final Set<String> drivers;

  private CsiVolumeRule(DataPlane plane, Set<String> drivers) {
    this.plane = plane;
    this.drivers = drivers;
  }

  static CsiVolumeRule spire() {
    return new CsiVolumeRule(DataPlane.SPIRE_CSI, Set.of("csi.spiffe.io"));
  }

  static CsiVolumeRule certManager() {
    return new CsiVolumeRule(
        DataPlane.CERT_MANAGER_CSI, Set.of("csi.cert-manager.io", "spiffe.csi.cert-manager.io"));
  }

  @Override
  public Optional<DataPlaneDetection> detect(Workload pod, DetectionContext context) {
    DetectionBuilder b = new DetectionBuilder(plane);
    for (Volume v : pod.volumes()) {
      if (v.kind() != Volume.Kind.CSI || !drivers.contains(v.source())) {
        continue;
      }
      String issuer = v.attributes().get("csi.cert-manager.io/issuer-name");
      b.evidence(
          "CSI volume "
              + v.name()
              + " ("
              + v.source()
              + ")"
              + (issuer == null ? "" : ", issuer " + issuer));
      boolean mounted = false;
      for (Container c : pod.runningContainers()) {
        for (VolumeMount m : c.mounts()) {
          if (m.volume().equals(v.name())) {
            mounted = true;
            b.certSource(
                plane == DataPlane.SPIRE_CSI
                    ? new CertSource.WorkloadApiSocket(c.name(), m.mountPath(), v.name())
                    : new CertSource.MountedFiles(c.name(), m.mountPath(), v.name()));
          }
        }
      }
      if (!mounted) {
        b.warning("CSI volume " + v.name() + " is not mounted by any running container");
      }
    }
    return b.build();
  }
}
