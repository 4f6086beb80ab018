package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.CertSource;
import dev.meshcert.mesh.workload.Container;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Sidecar;
import dev.meshcert.mesh.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects evidence for one plane; yields a detection only when there is evidence. */
final class DetectionBuilder {
  private final DataPlane plane;
  private final List<String> evidence = new ArrayList<>();
  private final List<CertSource> certSources = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private Optional<Sidecar> sidecar = Optional.empty();
  private Optional<String> revision = Optional.empty();

  DetectionBuilder(DataPlane plane) {
    this.plane = plane;
  }

  DetectionBuilder evidence(String fact) {
    evidence.add(fact);
    return this;
  }

  DetectionBuilder warning(String text) {
    warnings.add(text);
    return this;
  }

  DetectionBuilder certSource(CertSource source) {
    certSources.add(source);
    return this;
  }

  /** Records the proxy container as evidence and as the sidecar. */
  DetectionBuilder proxy(Workload pod, Container c, Optional<String> version) {
    boolean nativeSidecar = pod.nativeSidecars().contains(c);
    evidence.add(describe(c, nativeSidecar));
    sidecar = Optional.of(new Sidecar(c.name(), plane, c.image(), version, nativeSidecar));
    return this;
  }

  DetectionBuilder revision(String value) {
    revision = Optional.of(value);
    return this;
  }

  boolean hasEvidence() {
    return !evidence.isEmpty();
  }

  Optional<DataPlaneDetection> build() {
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DataPlaneDetection(plane, evidence, sidecar, revision, certSources, warnings));
  }

  static String describe(Container c, boolean nativeSidecar) {
    String image = c.image().isEmpty() ? "" : ", " + c.image();
    return nativeSidecar
        ? "native sidecar " + c.name() + " (init container with restartPolicy: Always" + image + ")"
        : "container " + c.name() + (c.image().isEmpty() ? "" : " (" + c.image() + ")");
  }
}
