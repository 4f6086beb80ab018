package dev.meshcert.mesh.policy;

import dev.meshcert.mesh.workload.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves PeerAuthentications to the effective mTLS mode of a workload and of each port, the way
 * istiod composes them: a workload-selector policy in the workload's namespace over a namespace
 * policy (no selector, or an empty one) over a mesh-wide policy (no selector, in the root
 * namespace) over the PERMISSIVE default; UNSET inherits from the level above; among several
 * policies at one level the oldest wins (then the name, then the namespace); {@code portLevelMtls}
 * of the winning workload policy overrides per container port. Selector policies in the root
 * namespace are ignored, as istiod ignores them.
 *
 * <p>Immutable and thread-safe; build once per policy set and resolve many workloads.
 */
public final class PeerAuthenticationResolver {

  private static final Comparator<PeerAuthentication> OLDEST_FIRST =
      Comparator.comparing((PeerAuthentication p) -> p.created().orElse(Instant.MIN))
          .thenComparing(PeerAuthentication::name)
          .thenComparing(PeerAuthentication::namespace);

  private final String rootNamespace;
  private final List<PeerAuthentication> mesh;
  private final List<PeerAuthentication> rootSelectors;
  private final Map<String, List<PeerAuthentication>> byNamespace;
  private final Map<String, List<PeerAuthentication>> selectorsByNamespace;

  /**
   * @param rootNamespace the mesh config's root namespace ("istio-system" by default)
   * @param policies every valid PeerAuthentication in the cluster
   */
  public PeerAuthenticationResolver(String rootNamespace, Collection<PeerAuthentication> policies) {
    this.rootNamespace = rootNamespace;
    List<PeerAuthentication> sorted = policies.stream().sorted(OLDEST_FIRST).toList();
    this.mesh =
        sorted.stream()
            .filter(p -> p.namespace().equals(rootNamespace) && !p.hasWorkloadSelector())
            .toList();
    this.rootSelectors =
        sorted.stream()
            .filter(p -> p.namespace().equals(rootNamespace) && p.hasWorkloadSelector())
            .toList();
    Map<String, List<PeerAuthentication>> ns = new HashMap<>();
    Map<String, List<PeerAuthentication>> sel = new HashMap<>();
    for (PeerAuthentication p : sorted) {
      if (!p.namespace().equals(rootNamespace)) {
        (p.hasWorkloadSelector() ? sel : ns)
            .computeIfAbsent(p.namespace(), k -> new ArrayList<>())
            .add(p);
      }
    }
    this.byNamespace = Map.copyOf(ns);
    this.selectorsByNamespace = Map.copyOf(sel);
  }

  /** The root namespace policies are resolved against. */
  public String rootNamespace() {
    return rootNamespace;
  }

  /** Resolves the effective mode of {@code pod}. */
  public EffectiveMtls resolve(Workload pod) {
    return resolve(pod.ref(), pod.namespace(), pod.labels());
  }

  /**
   * Resolves the effective mode of a workload.
   *
   * @param workload "namespace/name", for the result
   * @param namespace the workload's namespace
   * @param labels the workload's labels
   */
  public EffectiveMtls resolve(String workload, String namespace, Map<String, String> labels) {
    List<String> notes = new ArrayList<>();
    List<PolicyRef> applied = new ArrayList<>();
    Decision decision = Decision.byDefault();

    Optional<PeerAuthentication> meshPolicy = oldest(mesh, "mesh-wide", notes);
    if (meshPolicy.isPresent()) {
      decision =
          apply(decision, meshPolicy.get(), PolicyScope.MESH, "mesh-wide policy", applied, notes);
    }
    if (!namespace.equals(rootNamespace)) {
      List<PeerAuthentication> nsLevel = byNamespace.getOrDefault(namespace, List.of());
      Optional<PeerAuthentication> nsPolicy = oldest(nsLevel, "namespace-wide", notes);
      if (nsPolicy.isPresent()) {
        decision =
            apply(
                decision,
                nsPolicy.get(),
                PolicyScope.NAMESPACE,
                "namespace policy",
                applied,
                notes);
      }
    }
    for (PeerAuthentication p : rootSelectors) {
      if (p.selects(labels)) {
        notes.add(
            p.ref()
                + " selects this workload from the root namespace "
                + rootNamespace
                + ": istiod ignores workload selectors there for PeerAuthentication");
      }
    }
    Map<Integer, Decision> ports = new LinkedHashMap<>();
    if (!namespace.equals(rootNamespace)) {
      List<PeerAuthentication> matching =
          selectorsByNamespace.getOrDefault(namespace, List.of()).stream()
              .filter(p -> p.selects(labels))
              .toList();
      Optional<PeerAuthentication> workloadPolicy = oldest(matching, "workload", notes);
      if (workloadPolicy.isPresent()) {
        PeerAuthentication p = workloadPolicy.get();
        decision = apply(decision, p, PolicyScope.WORKLOAD, "workload policy", applied, notes);
        Decision inherited = decision;
        p.portLevelMtls().forEach((port, mode) -> ports.put(port, port(p, port, mode, inherited)));
      }
    }
    return new EffectiveMtls(workload, decision, ports, applied, notes);
  }

  private static Decision apply(
      Decision current,
      PeerAuthentication p,
      PolicyScope scope,
      String what,
      List<PolicyRef> applied,
      List<String> notes) {
    applied.add(p.ref());
    if (p.mode() == MtlsMode.UNSET) {
      notes.add(what + " " + p.ref() + " sets no mode (UNSET): the level above applies");
      return current;
    }
    String selector =
        scope == PolicyScope.WORKLOAD
            ? " (selector " + labels(p.selector().orElse(Map.of())) + ")"
            : "";
    return new Decision(
        p.mode(),
        scope,
        Optional.of(p.ref()),
        what + " " + p.ref() + selector + " sets " + p.mode());
  }

  private static Decision port(PeerAuthentication p, int port, MtlsMode mode, Decision inherited) {
    if (mode == MtlsMode.UNSET) {
      return new Decision(
          inherited.mode(),
          inherited.scope(),
          inherited.policy(),
          "port " + port + " is UNSET in " + p.ref() + ": " + inherited.reason());
    }
    return new Decision(
        mode,
        PolicyScope.PORT,
        Optional.of(p.ref()),
        "port " + port + " of workload policy " + p.ref() + " sets " + mode);
  }

  private static Optional<PeerAuthentication> oldest(
      List<PeerAuthentication> sortedCandidates, String level, List<String> notes) {
    if (sortedCandidates.size() > 1) {
      notes.add(
          sortedCandidates.size()
              + " "
              + level
              + " policies apply: the oldest, "
              + sortedCandidates.get(0).ref()
              + ", wins; ignored: "
              + sortedCandidates.subList(1, sortedCandidates.size()).stream()
                  .map(p -> p.ref().toString())
                  .collect(Collectors.joining(", ")));
    }
    return sortedCandidates.stream().findFirst();
  }

  private static String labels(Map<String, String> selector) {
    return selector.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
