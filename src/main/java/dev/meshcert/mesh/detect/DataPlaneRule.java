package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.Workload;
import java.util.Optional;

/** Recognises one data plane on a pod. */
interface DataPlaneRule {

  /** The detection, or empty when the pod shows no sign of this plane. */
  Optional<DataPlaneDetection> detect(Workload pod, DetectionContext context);
}
