package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.EffectiveMtls;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationResolver;
import dev.meshcert.mesh.workload.Namespace;
import dev.meshcert.mesh.workload.ServiceInfo;
import dev.meshcert.mesh.workload.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts detection and policy resolution together: from what was read of a cluster to a {@link
 * MeshSnapshot}. Pure and stateless.
 */
public final class MeshAnalyzer {

  /** Istio's default root namespace. */
  public static final String DEFAULT_ROOT = "istio-system";

  private static final SidecarDetector DETECTOR = new SidecarDetector();

  private MeshAnalyzer() {}

  /** What a scan read. */
  public record Inputs(
      String cluster,
      boolean demo,
      Instant takenAt,
      Optional<String> namespace,
      List<Namespace> namespaces,
      List<Workload> pods,
      List<Workload> infrastructure,
      ControlPlaneReport controlPlane,
      List<ParsedPeerAuthentication> policies,
      List<String> problems,
      List<ServiceInfo> services,
      List<DestinationRule> destinationRules) {

    /** The same inputs with other pods and policies, read at {@code at}. */
    public Inputs with(
        List<Workload> newPods, List<ParsedPeerAuthentication> newPolicies, Instant at) {
      return new Inputs(
          cluster,
          demo,
          at,
          namespace,
          namespaces,
          newPods,
          infrastructure,
          controlPlane,
          newPolicies,
          problems,
          services,
          destinationRules);
    }
  }

  /** Analyses everything read. */
  public static MeshSnapshot analyze(Inputs in) {
    List<WorkloadStatus> statuses =
        statuses(in.pods(), in.infrastructure(), in.namespaces(), in.controlPlane(), in.policies());
    return new MeshSnapshot(
        in.cluster(),
        in.demo(),
        in.takenAt(),
        in.namespace(),
        in.namespaces(),
        in.pods(),
        in.infrastructure(),
        in.controlPlane(),
        in.policies(),
        statuses,
        in.problems(),
        in.services(),
        in.destinationRules());
  }

  /** The root namespace of the first Istio control plane, else {@value #DEFAULT_ROOT}. */
  public static String rootNamespace(ControlPlaneReport controlPlane) {
    return controlPlane.istio().stream()
        .findFirst()
        .map(IstioControlPlane::rootNamespace)
        .orElse(DEFAULT_ROOT);
  }

  /** The status of one pod given the detection context and the resolver. */
  public static WorkloadStatus status(
      Workload pod, DetectionContext context, PeerAuthenticationResolver resolver) {
    DataPlaneReport report = DETECTOR.detect(pod, context);
    EffectiveMtls mtls = resolver.resolve(pod);
    return new WorkloadStatus(pod, report, mtls, MtlsBadge.of(report.primary(), mtls.mode()));
  }

  private static List<WorkloadStatus> statuses(
      List<Workload> pods,
      List<Workload> infrastructure,
      List<Namespace> namespaces,
      ControlPlaneReport controlPlane,
      List<ParsedPeerAuthentication> policies) {
    List<Workload> all = new ArrayList<>(pods);
    all.addAll(infrastructure);
    DetectionContext context = DetectionContext.of(namespaces, all);
    List<PeerAuthentication> valid = policies.stream().flatMap(p -> p.policy().stream()).toList();
    PeerAuthenticationResolver resolver =
        new PeerAuthenticationResolver(rootNamespace(controlPlane), valid);
    return pods.stream().map(p -> status(p, context, resolver)).toList();
  }
}
