package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.SignatureVerifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups workloads by the root their chain verifies to and by the root bundle they hold, and makes
 * the stragglers of a root rotation stand out with the reason.
 *
 * <p>Workloads are judged within their trust domain (the SPIFFE trust domain, or the Linkerd
 * identity suffix), so an Istio mesh and a Linkerd mesh in one cluster do not make each other look
 * wrong. Each domain's current root is the newest of the mesh roots given that the domain uses
 * (serves or holds); without one, the root most of its workloads verify to (ties: the newest). A
 * workload stands out when its chain verifies to another root or to none, when its bundle lacks the
 * current root, a root most workloads' chains verify to, or the root of its own chain, or when it
 * holds a different bundle than most.
 *
 * <p>Thread-safe; signature checks are remembered by the {@link SignatureVerifier}.
 */
public final class TrustGrouping {

  private final SignatureVerifier verifier;

  /** Grouping with its own signature cache. */
  public TrustGrouping() {
    this(new SignatureVerifier());
  }

  /** Grouping that shares a session's signature cache. */
  public TrustGrouping(SignatureVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * Groups {@code workloads}.
   *
   * @param workloads the workloads, in the order to show them; may be empty
   * @param meshRoots the roots the control planes distribute now ({@code istio-ca-root-cert}, the
   *     Linkerd trust roots, {@code cacerts}); may be empty
   * @return the view; never null
   */
  public TrustView group(List<WorkloadChain> workloads, List<CertificateFacts> meshRoots) {
    RootIndex index = new RootIndex(workloads, meshRoots, verifier);
    List<RootIndex.Match> matches = new ArrayList<>(workloads.size());
    for (WorkloadChain w : workloads) {
      matches.add(index.match(w.chain()));
    }
    Map<String, List<Integer>> domains = new LinkedHashMap<>();
    for (int i = 0; i < workloads.size(); i++) {
      String domain = workloads.get(i).trustDomain().orElse("");
      domains.computeIfAbsent(domain, d -> new ArrayList<>()).add(i);
    }
    WorkloadTrust[] judged = new WorkloadTrust[workloads.size()];
    List<RootGroup> byRoot = new ArrayList<>();
    List<BundleGroup> byBundle = new ArrayList<>();
    List<CurrentRoot> currents = new ArrayList<>();
    domains.forEach(
        (domain, indices) -> {
          DomainJudge judge = new DomainJudge(domain, workloads, matches, indices, meshRoots);
          judge.judge(judged);
          byRoot.addAll(judge.rootGroups(judged));
          byBundle.addAll(judge.bundleGroups(judged));
          judge.current().ifPresent(currents::add);
        });
    return new TrustView(Arrays.asList(judged), byRoot, byBundle, currents, index.size());
  }

  /** The bundle key of a workload: sorted SHA-256 of its roots, "" when unknown. */
  static String bundleKey(WorkloadChain w) {
    return String.join(",", w.bundle().stream().map(CertificateFacts::sha256).sorted().toList());
  }
}
