package dev.meshcert.kube.pull;

import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.Workload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Pulling one pod's certificates: which strategies were tried and how each went, what was read, and
 * what it is worth.
 *
 * @param pod the pod
 * @param plane its data plane
 * @param status how it ended
 * @param attempts every strategy tried, in order: the last one succeeded when {@code status} is
 *     {@link PullStatus#PULLED}
 * @param pulled what was read, when something was
 * @param verdicts the verdicts on it, when something was read
 * @param reason why nothing was read (failed, timed out, skipped), one line; empty when pulled
 * @param missingPermission for RBAC refusals, the subresources the user lacks, one per refused
 *     strategy ("create pods/portforward", "create pods/exec"); empty when nothing was refused
 * @param took how long the pod took
 */
public record PodPull(
    Workload pod,
    DataPlane plane,
    PullStatus status,
    List<Attempt> attempts,
    Optional<PulledChain> pulled,
    Optional<PodVerdicts> verdicts,
    Optional<String> reason,
    List<String> missingPermission,
    Duration took) {

  /** Copies the lists. */
  public PodPull {
    attempts = List.copyOf(attempts);
    missingPermission = List.copyOf(missingPermission);
  }

  /** "namespace/name". */
  public String ref() {
    return pod.ref();
  }

  /** The strategy that read the certificates, when one did. */
  public Optional<String> strategy() {
    return status == PullStatus.PULLED && !attempts.isEmpty()
        ? Optional.of(attempts.get(attempts.size() - 1).strategy())
        : Optional.empty();
  }
}
