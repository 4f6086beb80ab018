package dev.meshcert.ui.cluster;

import dev.meshcert.mesh.detect.DataPlaneDetection;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Workload;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One pod as the Cluster screen shows it, made from a {@link WorkloadStatus}. Immutable.
 *
 * @param status everything known about the pod
 */
public record WorkloadRow(WorkloadStatus status) {

  public Workload pod() {
    return status.pod();
  }

  public String ref() {
    return status.pod().ref();
  }

  public String namespace() {
    return status.pod().namespace();
  }

  public String name() {
    return status.pod().name();
  }

  public DataPlane plane() {
    return status.dataPlane().primary();
  }

  /** "Istio sidecar", "Linkerd", "no mesh", plus the other planes found ("+ SPIRE"). */
  public String planeText() {
    List<DataPlaneDetection> all = status.dataPlane().detections();
    if (all.size() <= 1) {
      return plane().displayName();
    }
    return plane().displayName()
        + " + "
        + String.join(
            ", ", all.subList(1, all.size()).stream().map(d -> d.plane().displayName()).toList());
  }

  public MtlsBadge badge() {
    return status.badge();
  }

  /**
   * The badge, followed by the ports a port-level policy gives another mode: "STRICT (port 9080
   * PERMISSIVE)". A list must not say STRICT for a pod whose serving port takes plain text.
   */
  public String mtlsText() {
    List<String> other = portExceptions();
    return other.isEmpty()
        ? badge().label()
        : badge().label() + " (port " + String.join(", ", other) + ")";
  }

  /**
   * The ports whose badge differs from the pod's ("9080 PERMISSIVE"), in port order; none for a pod
   * without an Istio mode (no sidecar, another mesh).
   */
  public List<String> portExceptions() {
    MtlsBadge b = badge();
    if (b != MtlsBadge.STRICT && b != MtlsBadge.PERMISSIVE && b != MtlsBadge.DISABLE) {
      return List.of();
    }
    return status.mtls().ports().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(e -> MtlsBadge.of(plane(), e.getValue().mode()) != b)
        .map(e -> e.getKey() + " " + MtlsBadge.of(plane(), e.getValue().mode()).label())
        .toList();
  }

  /** The CSS pseudo-class of the badge: strict, permissive, disable, no-sidecar, other-mesh. */
  public String badgeStyle() {
    return badge().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String serviceAccount() {
    return status.pod().serviceAccount();
  }

  public String node() {
    return status.pod().node().orElse("");
  }

  /** Evidence, each prefixed by its plane. */
  public List<String> evidence() {
    return status.dataPlane().evidence();
  }

  /** Warnings of every detection. */
  public List<String> warnings() {
    return status.dataPlane().detections().stream().flatMap(d -> d.warnings().stream()).toList();
  }

  /** The ports with their effective mode. */
  public List<PortRow> ports() {
    return status.ports().stream()
        .map(p -> new PortRow(p.port(), p.decision().mode().name(), p.decision().reason()))
        .toList();
  }

  /** Why the workload has its mode. */
  public String decidedBy() {
    return status.mtls().decision().reason();
  }

  /** The policy text as {@code istioctl x describe pod} prints it, with notes. */
  public String describe() {
    StringBuilder sb = new StringBuilder(status.mtls().describe());
    status.mtls().notes().forEach(n -> sb.append("Note: ").append(n).append('\n'));
    return sb.toString();
  }

  /** Where certificates can be read, first the preferred one. */
  public List<CertSource> certSources() {
    return status.dataPlane().certSources();
  }

  /** Whether {@code text} (lower case) occurs in any shown column. */
  boolean matches(String lowerText) {
    return lowerText.isEmpty()
        || name().toLowerCase(Locale.ROOT).contains(lowerText)
        || namespace().toLowerCase(Locale.ROOT).contains(lowerText)
        || planeText().toLowerCase(Locale.ROOT).contains(lowerText)
        || mtlsText().toLowerCase(Locale.ROOT).contains(lowerText)
        || serviceAccount().toLowerCase(Locale.ROOT).contains(lowerText)
        || node().toLowerCase(Locale.ROOT).contains(lowerText);
  }
}
