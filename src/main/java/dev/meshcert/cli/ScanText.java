package dev.meshcert.cli;

import dev.meshcert.mesh.detect.ControlPlaneReport;
import dev.meshcert.mesh.detect.IstioControlPlane;
import dev.meshcert.mesh.detect.IstiodRevision;
import dev.meshcert.mesh.detect.LinkerdControlPlane;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.SpireServer;
import dev.meshcert.mesh.detect.TlsConflict;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.workload.Container;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The text output of {@code meshcert scan}: one block per namespace, one per pod. */
final class ScanText {

  private ScanText() {}

  static void write(MeshSnapshot s, PrintWriter out) {
    out.println(
        "Cluster: "
            + s.cluster()
            + (s.demo() ? " (built-in demo mesh)" : "")
            + "   scope: "
            + s.namespace().map(n -> "namespace " + n).orElse("all namespaces")
            + "   at: "
            + s.takenAt());
    out.println();
    out.println("Control plane:");
    controlPlane(s.controlPlane()).forEach(l -> out.println("  " + l));
    Map<String, List<WorkloadStatus>> byNamespace = s.byNamespace();
    out.println();
    out.println(
        "Namespaces: "
            + s.namespaces().size()
            + " known, "
            + byNamespace.size()
            + " with pods in scope; "
            + s.workloads().size()
            + " pods");
    for (Map.Entry<String, List<WorkloadStatus>> e : byNamespace.entrySet()) {
      out.println();
      out.println("namespace " + e.getKey() + " (" + e.getValue().size() + " pods)");
      e.getValue().forEach(w -> pod(w, out));
    }
    conflicts(s.tlsConflicts(), out);
    if (!s.problems().isEmpty()) {
      out.println();
      out.println("Could not read / worth knowing:");
      s.problems().forEach(p -> out.println("  - " + p));
    }
  }

  /** The DestinationRule TLS contradictions block; nothing when there are none. */
  static void conflicts(List<TlsConflict> conflicts, PrintWriter out) {
    if (conflicts.isEmpty()) {
      return;
    }
    out.println();
    out.println("DestinationRule TLS contradictions:");
    for (TlsConflict c : conflicts) {
      out.println("  ERROR " + c.message());
      out.println("        try: " + c.hint());
    }
  }

  private static void pod(WorkloadStatus w, PrintWriter out) {
    out.println(
        "  "
            + w.pod().name()
            + "   "
            + w.dataPlane().primary().displayName()
            + "   mTLS: "
            + w.badge().label()
            + "   sa: "
            + w.pod().serviceAccount()
            + w.pod().node().map(n -> "   node: " + n).orElse(""));
    out.println("    containers: " + names(w.pod().containers()));
    if (!w.pod().initContainers().isEmpty()) {
      out.println(
          "    init containers: "
              + w.pod().initContainers().stream()
                  .map(c -> c.name() + (c.restartsAlways() ? " (native sidecar)" : ""))
                  .collect(Collectors.joining(", ")));
    }
    w.dataPlane().evidence().forEach(e -> out.println("    evidence: " + e));
    w.dataPlane().detections().stream()
        .flatMap(d -> d.warnings().stream())
        .forEach(x -> out.println("    warning: " + x));
    out.println("    decided by: " + w.mtls().decision().reason());
    for (WorkloadStatus.PortStatus p : w.ports()) {
      out.println(
          "    port " + p.port() + ": " + p.decision().mode() + " (" + p.decision().reason() + ")");
    }
    w.mtls().notes().forEach(n -> out.println("    note: " + n));
  }

  private static String names(List<Container> containers) {
    return containers.isEmpty()
        ? "-"
        : containers.stream().map(Container::name).collect(Collectors.joining(", "));
  }

  /** One line per control plane (or istiod revision), English. */
  static List<String> controlPlane(ControlPlaneReport r) {
    List<String> lines = new java.util.ArrayList<>();
    for (IstioControlPlane p : r.istio()) {
      for (IstiodRevision rev : p.revisions()) {
        lines.add(
            "Istio "
                + rev.version().orElse("?")
                + " in "
                + p.namespace()
                + ": istiod revision "
                + rev.revision()
                + " ("
                + rev.deployment().readiness()
                + " ready), trust domain "
                + rev.meshConfig().trustDomain()
                + (rev.meshConfig().trustDomainAliases().isEmpty()
                    ? ""
                    : " (aliases "
                        + String.join(", ", rev.meshConfig().trustDomainAliases())
                        + ")"));
      }
      p.citadel()
          .ifPresent(
              c ->
                  lines.add(
                      "Istio Citadel (legacy) in "
                          + p.namespace()
                          + ": "
                          + c.name()
                          + " ("
                          + c.readiness()
                          + " ready)"));
      lines.add(
          "Istio CA in "
              + p.namespace()
              + ": "
              + p.caMode().displayName()
              + (p.caEvidence().isEmpty() ? "" : " (" + String.join("; ", p.caEvidence()) + ")"));
    }
    for (LinkerdControlPlane l : r.linkerd()) {
      lines.add(
          "Linkerd "
              + l.version().orElse("?")
              + " in "
              + l.namespace()
              + ": identity "
              + l.identity().readiness()
              + " ready, trust domain "
              + l.trustDomain()
              + ", trust roots "
              + (l.trustRootsPem().isPresent() ? "present" : "missing"));
    }
    for (SpireServer sp : r.spire()) {
      lines.add(
          "SPIRE server "
              + sp.server().namespace()
              + "/"
              + sp.server().name()
              + " ("
              + sp.server().readiness()
              + " ready), trust domain "
              + sp.trustDomain().orElse("?"));
    }
    if (lines.isEmpty()) {
      lines.add("no mesh control plane found");
    }
    return lines;
  }
}
