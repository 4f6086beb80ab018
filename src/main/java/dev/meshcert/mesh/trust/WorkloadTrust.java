package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.Optional;

/**
 * Where one workload stands in the mesh's trust.
 *
 * @param workload the workload and its certificates
 * @param domain its trust domain ({@link WorkloadChain#trustDomain()}), "" when it has none
 * @param root the root its chain verifies to, among every root seen in the mesh
 * @param rootReason how the root was found, or why none was ("the served chain is broken: ...")
 * @param bundleKey identifies the bundle it holds: the sorted SHA-256 of its roots, joined by
 *     commas; "" when the bundle is not known
 * @param straggles why it stands out from its trust domain, most serious first; empty when it does
 *     not
 */
public record WorkloadTrust(
    WorkloadChain workload,
    String domain,
    Optional<CertificateFacts> root,
    String rootReason,
    String bundleKey,
    List<Straggle> straggles) {

  public WorkloadTrust {
    straggles = List.copyOf(straggles);
  }

  /** The workload's name. */
  public String name() {
    return workload.workload();
  }

  /** Whether it stands out. */
  public boolean straggler() {
    return !straggles.isEmpty();
  }

  /** Whether its bundle holds {@code root}. */
  public boolean holds(CertificateFacts root) {
    return workload.bundle().contains(root);
  }
}
