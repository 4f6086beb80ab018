package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The workloads of one trust domain that hold the same root bundle.
 *
 * @param domain the trust domain, "" for workloads without one
 * @param key {@link WorkloadTrust#bundleKey()}; "" for workloads whose bundle is not known
 * @param roots the roots of the bundle, as the first workload holds them; empty when not known
 * @param majority whether most workloads of the domain with a known bundle hold this one
 * @param workloads in input order; never empty
 */
public record BundleGroup(
    String domain,
    String key,
    List<CertificateFacts> roots,
    boolean majority,
    List<WorkloadTrust> workloads) {

  public BundleGroup {
    roots = List.copyOf(roots);
    workloads = List.copyOf(workloads);
  }

  /** "2 roots: O=new (…); O=old (…)", or "bundle not known". */
  public String label() {
    if (roots.isEmpty()) {
      return "bundle not known";
    }
    return roots.size()
        + (roots.size() == 1 ? " root: " : " roots: ")
        + roots.stream().map(Describe::root).collect(Collectors.joining("; "));
  }
}
