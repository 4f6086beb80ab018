package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything known about a cluster's mesh at one moment: namespaces, every pod of the scope with
 * its status, the control planes, the PeerAuthentications, and what could not be read. Immutable;
 * live updates produce new snapshots ({@link #withPod}, {@link #withoutPod}, {@link
 * #withPolicies}).
 *
 * @param cluster the context name, or "demo"
 * @param demo whether this is the built-in demo mesh
 * @param takenAt when it was taken
 * @param namespace the namespace it covers, empty for all
 * @param namespaces the namespaces known
 * @param pods the pods of the scope
 * @param infrastructure pods outside the scope that detection needs (ztunnels)
 * @param controlPlane the control planes found
 * @param policies every PeerAuthentication read, valid or not
 * @param workloads the status of every pod in {@code pods}, same order
 * @param problems what could not be read, for a person
 * @param services the Services of the scope (which pods a DestinationRule host reaches)
 * @param destinationRules the DestinationRules read (client-side TLS)
 */
public record MeshSnapshot(
    String cluster,
    boolean demo,
    Instant takenAt,
    Optional<String> namespace,
    List<Namespace> namespaces,
    List<Workload> pods,
    List<Workload> infrastructure,
    ControlPlaneReport controlPlane,
    List<ParsedPeerAuthentication> policies,
    List<WorkloadStatus> workloads,
    List<String> problems,
    List<ServiceInfo> services,
    List<DestinationRule> destinationRules) {

  /** Copies the lists. */
  public MeshSnapshot {
    services = List.copyOf(services);
    destinationRules = List.copyOf(destinationRules);
    namespaces = List.copyOf(namespaces);
    pods = List.copyOf(pods);
    infrastructure = List.copyOf(infrastructure);
    policies = List.copyOf(policies);
    workloads = List.copyOf(workloads);
    problems = List.copyOf(problems);
  }

  /** What this snapshot was analysed from. */
  public MeshAnalyzer.Inputs inputs() {
    return new MeshAnalyzer.Inputs(
        cluster,
        demo,
        takenAt,
        namespace,
        namespaces,
        pods,
        infrastructure,
        controlPlane,
        policies,
        problems,
        services,
        destinationRules);
  }

  /**
   * DestinationRule TLS settings that contradict what the server pods accept (client DISABLE
   * against STRICT, ISTIO_MUTUAL towards a pod without an Istio proxy). Computed on each call.
   */
  public List<TlsConflict> tlsConflicts() {
    return TlsConflictDetector.detect(destinationRules, services, workloads);
  }

  /** The root namespace PeerAuthentications are resolved against. */
  public String rootNamespace() {
    return MeshAnalyzer.rootNamespace(controlPlane);
  }

  /** Workload statuses grouped by namespace, namespaces sorted. */
  public Map<String, List<WorkloadStatus>> byNamespace() {
    Map<String, List<WorkloadStatus>> out = new TreeMap<>();
    workloads.forEach(w -> out.computeIfAbsent(w.pod().namespace(), k -> new ArrayList<>()).add(w));
    return out;
  }

  /** The status of pod {@code namespace/name}. */
  public Optional<WorkloadStatus> workload(String ref) {
    return workloads.stream().filter(w -> w.pod().ref().equals(ref)).findFirst();
  }

  /** This snapshot with {@code pod} added or replaced, every status recomputed. */
  public MeshSnapshot withPod(Workload pod, Instant at) {
    Map<String, Workload> byRef = new LinkedHashMap<>();
    pods.forEach(p -> byRef.put(p.ref(), p));
    byRef.put(pod.ref(), pod);
    return MeshAnalyzer.analyze(inputs().with(new ArrayList<>(byRef.values()), policies, at));
  }

  /** This snapshot without pod {@code ref}. */
  public MeshSnapshot withoutPod(String ref, Instant at) {
    List<Workload> rest = pods.stream().filter(p -> !p.ref().equals(ref)).toList();
    return MeshAnalyzer.analyze(inputs().with(rest, policies, at));
  }

  /** This snapshot with other pods (after a re-list). */
  public MeshSnapshot withPods(List<Workload> newPods, Instant at) {
    return MeshAnalyzer.analyze(inputs().with(newPods, policies, at));
  }

  /** This snapshot with other PeerAuthentications. */
  public MeshSnapshot withPolicies(List<ParsedPeerAuthentication> newPolicies, Instant at) {
    return MeshAnalyzer.analyze(inputs().with(pods, newPolicies, at));
  }
}
