package dev.meshcert.mesh.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The mTLS mode Istio enforces on one workload, per port, and why: what {@code istioctl x describe
 * pod} prints under "Effective PeerAuthentication".
 *
 * @param workload "namespace/name" of the pod
 * @param decision the workload-level mode and what decided it
 * @param ports port-level modes (container ports named in the deciding workload policy)
 * @param applied the policies that apply, widest first (mesh, namespace, workload)
 * @param notes policies that matched but lost, and other things worth knowing
 */
public record EffectiveMtls(
    String workload,
    Decision decision,
    Map<Integer, Decision> ports,
    List<PolicyRef> applied,
    List<String> notes) {

  /** Copies the collections; ports are kept sorted. */
  public EffectiveMtls {
    ports = Map.copyOf(ports);
    applied = List.copyOf(applied);
    notes = List.copyOf(notes);
  }

  /** The workload-level mode. */
  public MtlsMode mode() {
    return decision.mode();
  }

  /** The decision for {@code port}: its port-level entry, else the workload's. */
  public Decision forPort(int port) {
    return Optional.ofNullable(ports.get(port)).orElse(decision);
  }

  /** The mode on {@code port}. */
  public MtlsMode modeFor(int port) {
    return forPort(port).mode();
  }

  /** Whether plain text is refused on {@code port}. */
  public boolean deniesPlaintext(int port) {
    return modeFor(port) == MtlsMode.STRICT;
  }

  /** Whether every port has the workload-level mode. */
  public boolean isUniform() {
    return ports.values().stream().allMatch(d -> d.mode() == decision.mode());
  }

  /** The text {@code istioctl x describe pod} prints for the policy part. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("Effective PeerAuthentication:\n");
    sb.append("   Workload mTLS mode: ").append(mode()).append('\n');
    if (!ports.isEmpty()) {
      sb.append("   Port Level mTLS mode:\n");
      new TreeMap<>(ports)
          .forEach(
              (p, d) -> sb.append("      ").append(p).append(": ").append(d.mode()).append('\n'));
    }
    sb.append("Applied PeerAuthentication:\n");
    sb.append("   ")
        .append(
            applied.isEmpty()
                ? "None"
                : applied.stream().map(PolicyRef::toString).collect(Collectors.joining(", ")))
        .append('\n');
    return sb.toString();
  }
}
