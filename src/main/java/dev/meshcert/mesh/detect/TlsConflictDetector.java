package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.policy.Decision;
import dev.meshcert.mesh.policy.DestinationRule;
import dev.meshcert.mesh.policy.MtlsMode;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.mesh.workload.ServiceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds DestinationRule TLS settings that contradict the server side: a client {@code DISABLE}
 * towards a port whose effective PeerAuthentication mode is STRICT, and {@code ISTIO_MUTUAL}
 * towards a pod without an Istio data plane. A rule's host reaches the pods its Service selects
 * (short names are relative to the rule's namespace; {@code *.ns.svc...} means every service of ns;
 * {@code *} every service). Port-level settings override the rule-wide one on their port. Pure.
 */
public final class TlsConflictDetector {

  private TlsConflictDetector() {}

  /** Every contradiction, in rule order. */
  public static List<TlsConflict> detect(
      List<DestinationRule> rules, List<ServiceInfo> services, List<WorkloadStatus> workloads) {
    List<TlsConflict> out = new ArrayList<>();
    for (DestinationRule rule : rules) {
      for (ServiceInfo service : targets(rule, services)) {
        List<WorkloadStatus> pods =
            workloads.stream().filter(w -> service.selects(w.pod())).toList();
        for (DestinationRule.TlsSetting setting : rule.settings()) {
          for (WorkloadStatus pod : pods) {
            check(rule, setting, service, pod, out);
          }
        }
      }
    }
    return out;
  }

  private static List<ServiceInfo> targets(DestinationRule rule, List<ServiceInfo> services) {
    if ("*".equals(rule.host())) {
      return services;
    }
    Optional<String> ns = rule.wildcardNamespace();
    if (ns.isPresent()) {
      return services.stream().filter(s -> s.namespace().equals(ns.get())).toList();
    }
    return rule.serviceRef()
        .map(ref -> services.stream().filter(s -> s.ref().equals(ref)).toList())
        .orElse(List.of());
  }

  private static void check(
      DestinationRule rule,
      DestinationRule.TlsSetting setting,
      ServiceInfo service,
      WorkloadStatus pod,
      List<TlsConflict> out) {
    DataPlane plane = pod.dataPlane().primary();
    boolean istio = plane == DataPlane.ISTIO_SIDECAR || plane == DataPlane.ISTIO_AMBIENT;
    switch (setting.mode()) {
      case ISTIO_MUTUAL -> {
        if (!istio) {
          out.add(
              conflict(
                  TlsConflict.Kind.ISTIO_MUTUAL_WITHOUT_SIDECAR,
                  rule,
                  setting,
                  service,
                  pod,
                  setting.port().map(service::targetPort),
                  "data plane: " + plane.displayName()));
        }
      }
      case DISABLE -> {
        if (istio) {
          for (int port : ports(rule, setting, service, pod)) {
            Decision d = pod.mtls().forPort(port);
            if (d.mode() == MtlsMode.STRICT) {
              out.add(
                  conflict(
                      TlsConflict.Kind.DISABLE_AGAINST_STRICT,
                      rule,
                      setting,
                      service,
                      pod,
                      Optional.of(port),
                      d.reason()));
            }
          }
          if (service.ports().isEmpty() && pod.mtls().mode() == MtlsMode.STRICT) {
            out.add(
                conflict(
                    TlsConflict.Kind.DISABLE_AGAINST_STRICT,
                    rule,
                    setting,
                    service,
                    pod,
                    Optional.empty(),
                    pod.mtls().decision().reason()));
          }
        }
      }
      default -> {
        // SIMPLE and MUTUAL carry the application's own TLS: not judged here.
      }
    }
  }

  /** Container ports the setting governs: its own, or the service's not overridden per port. */
  private static List<Integer> ports(
      DestinationRule rule,
      DestinationRule.TlsSetting setting,
      ServiceInfo service,
      WorkloadStatus pod) {
    if (setting.port().isPresent()) {
      return List.of(service.targetPort(setting.port().get()));
    }
    Set<Integer> overridden =
        rule.settings().stream()
            .filter(s -> s.subset().equals(setting.subset()) && s.port().isPresent())
            .map(s -> s.port().get())
            .collect(Collectors.toSet());
    List<Integer> ports =
        service.ports().stream()
            .filter(p -> !overridden.contains(p.port()))
            .map(ServiceInfo.Port::targetPort)
            .distinct()
            .toList();
    return ports;
  }

  private static TlsConflict conflict(
      TlsConflict.Kind kind,
      DestinationRule rule,
      DestinationRule.TlsSetting setting,
      ServiceInfo service,
      WorkloadStatus pod,
      Optional<Integer> port,
      String serverSide) {
    return new TlsConflict(
        kind,
        rule.ref(),
        setting.where(),
        setting.mode(),
        service.ref(),
        pod.pod().ref(),
        port,
        serverSide);
  }
}
