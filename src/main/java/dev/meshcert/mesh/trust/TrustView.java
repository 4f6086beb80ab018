package dev.meshcert.mesh.trust;

import java.util.List;
import java.util.Optional;

/**
 * The mesh's trust at a glance, made by {@link TrustGrouping}.
 *
 * @param workloads one per workload, in input order
 * @param byRoot per trust domain (first-seen order): the current root's group first, then the other
 *     roots by size, workloads with no known root last
 * @param byBundle per trust domain: the majority bundle first, then the others by size, unknown
 *     bundles last
 * @param currentRoots the current root of each trust domain that has one
 * @param rootsSeen how many distinct roots were seen in all (given, held or served)
 */
public record TrustView(
    List<WorkloadTrust> workloads,
    List<RootGroup> byRoot,
    List<BundleGroup> byBundle,
    List<CurrentRoot> currentRoots,
    int rootsSeen) {

  /** A view of no workload. */
  public static final TrustView EMPTY =
      new TrustView(List.of(), List.of(), List.of(), List.of(), 0);

  public TrustView {
    workloads = List.copyOf(workloads);
    byRoot = List.copyOf(byRoot);
    byBundle = List.copyOf(byBundle);
    currentRoots = List.copyOf(currentRoots);
  }

  /** The workloads that stand out, in input order. */
  public List<WorkloadTrust> stragglers() {
    return workloads.stream().filter(WorkloadTrust::straggler).toList();
  }

  /** The workload with this name, the first if several share it. */
  public Optional<WorkloadTrust> workload(String name) {
    return workloads.stream().filter(w -> w.name().equals(name)).findFirst();
  }

  /** The current root of {@code domain}, if it has one. */
  public Optional<CurrentRoot> currentRoot(String domain) {
    return currentRoots.stream().filter(c -> c.domain().equals(domain)).findFirst();
  }
}
