package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.Optional;

/**
 * The workloads of one trust domain whose chains verify to the same root.
 *
 * @param domain the trust domain, "" for workloads without one
 * @param root the root; empty for the workloads whose chain verifies to no known root
 * @param current whether it is the domain's current root
 * @param workloads in input order; never empty
 */
public record RootGroup(
    String domain,
    Optional<CertificateFacts> root,
    boolean current,
    List<WorkloadTrust> workloads) {

  public RootGroup {
    workloads = List.copyOf(workloads);
  }

  /** "O=cluster.local (serial 193a54…, from 2023-05-05)", or "no known root". */
  public String label() {
    return root.map(Describe::root).orElse("no known root");
  }
}
