package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Why one workload stands out from its trust domain; see {@link TrustGrouping}. */
final class Straggles {

  private final DomainJudge domain;
  private final WorkloadChain workload;
  private final Optional<CertificateFacts> root;

  Straggles(DomainJudge domain, WorkloadChain workload, Optional<CertificateFacts> root) {
    this.domain = domain;
    this.workload = workload;
    this.root = root;
  }

  List<Straggle> all() {
    List<Straggle> out = new ArrayList<>();
    Optional<CertificateFacts> current = domain.currentRoot();
    if (root.isEmpty()) {
      out.add(new Straggle(Straggle.Kind.NO_KNOWN_ROOT, "Its chain verifies to no known root."));
    } else if (current.isPresent() && !current.get().equals(root.get())) {
      out.add(
          new Straggle(
              Straggle.Kind.NOT_CURRENT_ROOT,
              "Its chain verifies to "
                  + Describe.root(root.get())
                  + ", not to the current root "
                  + Describe.root(current.get())
                  + "."));
    }
    if (workload.bundleKnown()) {
      bundle(current, out);
    }
    return out;
  }

  private void bundle(Optional<CertificateFacts> current, List<Straggle> out) {
    List<CertificateFacts> bundle = workload.bundle();
    if (current.isPresent() && !bundle.contains(current.get())) {
      out.add(
          new Straggle(
              Straggle.Kind.BUNDLE_LACKS_CURRENT_ROOT,
              "Its bundle lacks the current root "
                  + Describe.root(current.get())
                  + ": it rejects peers whose certificates come from that root."));
    }
    for (Map.Entry<CertificateFacts, List<Integer>> e : domain.roots().entrySet()) {
      CertificateFacts used = e.getKey();
      if (bundle.contains(used) || current.equals(Optional.of(used))) {
        continue;
      }
      List<String> peers =
          e.getValue().stream()
              .map(domain::workload)
              .filter(w -> w != workload)
              .map(WorkloadChain::workload)
              .toList();
      if (!peers.isEmpty() && peers.size() * 2 >= domain.size()) {
        out.add(
            new Straggle(
                Straggle.Kind.BUNDLE_LACKS_ROOT_IN_USE,
                "Its bundle lacks "
                    + Describe.root(used)
                    + ", which the chains of "
                    + Describe.workloads(peers.size())
                    + " verify to ("
                    + Describe.names(peers)
                    + "): it rejects them as peers."));
      }
    }
    if (root.isPresent() && !bundle.contains(root.get())) {
      out.add(
          new Straggle(
              Straggle.Kind.OWN_ROOT_NOT_HELD,
              "Its bundle lacks "
                  + Describe.root(root.get())
                  + ", the root of its own chain: peers holding the same bundle reject it."));
    }
    differs(bundle, out);
  }

  private void differs(List<CertificateFacts> bundle, List<Straggle> out) {
    Optional<String> majority = domain.majorityBundle();
    String key = TrustGrouping.bundleKey(workload);
    if (majority.isEmpty()
        || majority.get().equals(key)
        || domain.bundleCount(majority.get()) <= domain.bundleCount(key)) {
      return;
    }
    List<CertificateFacts> usual = domain.majorityRoots();
    String lacks =
        usual.stream()
            .filter(r -> !bundle.contains(r))
            .map(Describe::root)
            .collect(Collectors.joining("; "));
    String extra =
        bundle.stream()
            .filter(r -> !usual.contains(r))
            .map(Describe::root)
            .collect(Collectors.joining("; "));
    StringBuilder b =
        new StringBuilder("Its bundle differs from the one ")
            .append(domain.bundleCount(majority.get()))
            .append(" of ")
            .append(domain.size())
            .append(" workloads hold");
    if (!lacks.isEmpty()) {
      b.append(": it lacks ").append(lacks);
    }
    if (!extra.isEmpty()) {
      b.append(lacks.isEmpty() ? ": " : "; ").append("it also holds ").append(extra);
    }
    out.add(new Straggle(Straggle.Kind.BUNDLE_DIFFERS, b.append('.').toString()));
  }
}
