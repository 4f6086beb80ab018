package dev.meshcert.mesh.trust;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Judges the workloads of one trust domain for {@link TrustGrouping}. */
final class DomainJudge {

  private final String domain;
  private final List<WorkloadChain> workloads;
  private final List<RootIndex.Match> matches;
  private final List<Integer> members;
  private final Map<CertificateFacts, List<Integer>> byRoot = new LinkedHashMap<>();
  private final List<Integer> noRoot = new ArrayList<>();
  private final Map<String, List<Integer>> byBundle = new LinkedHashMap<>();
  private final Optional<CurrentRoot> current;
  private final Optional<String> majorityBundle;

  DomainJudge(
      String domain,
      List<WorkloadChain> workloads,
      List<RootIndex.Match> matches,
      List<Integer> members,
      List<CertificateFacts> meshRoots) {
    this.domain = domain;
    this.workloads = workloads;
    this.matches = matches;
    this.members = members;
    for (int i : members) {
      Optional<CertificateFacts> root = matches.get(i).root();
      if (root.isPresent()) {
        byRoot.computeIfAbsent(root.get(), r -> new ArrayList<>()).add(i);
      } else {
        noRoot.add(i);
      }
      byBundle.computeIfAbsent(TrustGrouping.bundleKey(workloads.get(i)), k -> new ArrayList<>());
      byBundle.get(TrustGrouping.bundleKey(workloads.get(i))).add(i);
    }
    this.current = chooseCurrent(meshRoots);
    this.majorityBundle = chooseMajorityBundle();
  }

  Optional<CurrentRoot> current() {
    return current;
  }

  private Optional<CurrentRoot> chooseCurrent(List<CertificateFacts> meshRoots) {
    List<CertificateFacts> used =
        meshRoots.stream()
            .distinct()
            .filter(r -> byRoot.containsKey(r) || members.stream().anyMatch(i -> held(i, r)))
            .toList();
    if (!used.isEmpty()) {
      CertificateFacts newest =
          used.stream().max(Comparator.comparing(CertificateFacts::notBefore)).get();
      String why =
          used.size() == 1
              ? "the mesh root the control plane distributes"
              : "the newest of the " + used.size() + " mesh roots the control plane distributes";
      return Optional.of(new CurrentRoot(domain, newest, why));
    }
    return byRoot.entrySet().stream()
        .max(
            Comparator.comparingInt(
                    (Map.Entry<CertificateFacts, List<Integer>> e) -> e.getValue().size())
                .thenComparing(e -> e.getKey().notBefore()))
        .map(
            e ->
                new CurrentRoot(
                    domain,
                    e.getKey(),
                    "the root most workloads verify to ("
                        + e.getValue().size()
                        + " of "
                        + members.size()
                        + ")"));
  }

  private Optional<String> chooseMajorityBundle() {
    Comparator<Map.Entry<String, List<Integer>>> order =
        Comparator.comparingInt((Map.Entry<String, List<Integer>> e) -> e.getValue().size())
            .thenComparing(
                e -> current.isPresent() && held(e.getValue().get(0), current.get().root()));
    return byBundle.entrySet().stream()
        .filter(e -> !e.getKey().isEmpty())
        .max(order)
        .map(Map.Entry::getKey);
  }

  private boolean held(int i, CertificateFacts root) {
    return workloads.get(i).bundle().contains(root);
  }

  /** Fills {@code judged} at this domain's indices. */
  void judge(WorkloadTrust[] judged) {
    for (int i : members) {
      WorkloadChain w = workloads.get(i);
      RootIndex.Match match = matches.get(i);
      List<Straggle> straggles = new Straggles(this, w, match.root()).all();
      judged[i] =
          new WorkloadTrust(
              w, domain, match.root(), match.reason(), TrustGrouping.bundleKey(w), straggles);
    }
  }

  String domain() {
    return domain;
  }

  int size() {
    return members.size();
  }

  Optional<CertificateFacts> currentRoot() {
    return current.map(CurrentRoot::root);
  }

  Map<CertificateFacts, List<Integer>> roots() {
    return byRoot;
  }

  WorkloadChain workload(int i) {
    return workloads.get(i);
  }

  /** The key of the bundle most workloads hold; empty when no bundle is known. */
  Optional<String> majorityBundle() {
    return majorityBundle;
  }

  /** The roots of the majority bundle; empty when none is known. */
  List<CertificateFacts> majorityRoots() {
    return majorityBundle
        .map(k -> workloads.get(byBundle.get(k).get(0)).bundle())
        .orElse(List.of());
  }

  int bundleCount(String key) {
    return byBundle.getOrDefault(key, List.of()).size();
  }

  List<RootGroup> rootGroups(WorkloadTrust[] judged) {
    List<RootGroup> groups = new ArrayList<>();
    byRoot.entrySet().stream()
        .sorted(
            Comparator.comparing(
                    (Map.Entry<CertificateFacts, List<Integer>> e) -> !isCurrent(e.getKey()))
                .thenComparing(e -> -e.getValue().size()))
        .forEach(
            e ->
                groups.add(
                    new RootGroup(
                        domain,
                        Optional.of(e.getKey()),
                        isCurrent(e.getKey()),
                        pick(judged, e.getValue()))));
    if (!noRoot.isEmpty()) {
      groups.add(new RootGroup(domain, Optional.empty(), false, pick(judged, noRoot)));
    }
    return groups;
  }

  List<BundleGroup> bundleGroups(WorkloadTrust[] judged) {
    List<BundleGroup> groups = new ArrayList<>();
    byBundle.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, List<Integer>> e) -> e.getKey().isEmpty())
                .thenComparing(e -> !majorityBundle.equals(Optional.of(e.getKey())))
                .thenComparing(e -> -e.getValue().size()))
        .forEach(
            e ->
                groups.add(
                    new BundleGroup(
                        domain,
                        e.getKey(),
                        workloads.get(e.getValue().get(0)).bundle(),
                        majorityBundle.equals(Optional.of(e.getKey())),
                        pick(judged, e.getValue()))));
    return groups;
  }

  private boolean isCurrent(CertificateFacts root) {
    return current.isPresent() && current.get().root().equals(root);
  }

  private static List<WorkloadTrust> pick(WorkloadTrust[] judged, List<Integer> indices) {
    return indices.stream().map(i -> judged[i]).toList();
  }
}
