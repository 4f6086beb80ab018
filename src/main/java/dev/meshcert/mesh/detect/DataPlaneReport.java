package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.DataPlane;
import java.util.List;
import java.util.Optional;

/**
 * Every data plane found on one pod. A pod can have more than one (an Istio sidecar fed by the
 * SPIRE CSI driver); {@link #primary()} is the one that carries its traffic.
 *
 * @param workload "namespace/name" of the pod
 * @param detections what was found, proxies first; empty when the pod is in no mesh
 */
public record DataPlaneReport(String workload, List<DataPlaneDetection> detections) {

  /** Copies the list. */
  public DataPlaneReport {
    detections = List.copyOf(detections);
  }

  /** The data plane carrying the pod's traffic, or {@link DataPlane#NONE}. */
  public DataPlane primary() {
    return detections.isEmpty() ? DataPlane.NONE : detections.get(0).plane();
  }

  /** The detection for {@code plane}, if found. */
  public Optional<DataPlaneDetection> find(DataPlane plane) {
    return detections.stream().filter(d -> d.plane() == plane).findFirst();
  }

  /** Whether {@code plane} was found. */
  public boolean has(DataPlane plane) {
    return find(plane).isPresent();
  }

  /** All evidence, prefixed by the plane it supports. */
  public List<String> evidence() {
    return detections.stream()
        .flatMap(d -> d.evidence().stream().map(e -> d.plane().displayName() + ": " + e))
        .toList();
  }

  /** Every place certificates can be read from, in detection order. */
  public List<CertSource> certSources() {
    return detections.stream().flatMap(d -> d.certSources().stream()).toList();
  }
}
