package dev.meshcert.ui.cluster;

import dev.meshcert.mesh.detect.ControlPlaneReport;
import dev.meshcert.mesh.detect.IstioControlPlane;
import dev.meshcert.mesh.detect.IstiodRevision;
import dev.meshcert.mesh.detect.LinkerdControlPlane;
import dev.meshcert.mesh.detect.SpireServer;
import dev.meshcert.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;

/** The control-plane panel's lines, one per control plane or revision. */
final class ControlPlaneLines {

  private ControlPlaneLines() {}

  static List<String> of(ControlPlaneReport report, Messages m) {
    List<String> lines = new ArrayList<>();
    for (IstioControlPlane p : report.istio()) {
      for (IstiodRevision r : p.revisions()) {
        lines.add(
            m.get(
                "cluster.cp.istiod",
                r.version().orElse("?"),
                p.namespace(),
                r.revision(),
                r.deployment().readiness(),
                r.meshConfig().trustDomain(),
                r.meshConfig().trustDomainAliases().isEmpty()
                    ? m.get("cluster.cp.noAliases")
                    : String.join(", ", r.meshConfig().trustDomainAliases())));
      }
      p.citadel()
          .ifPresent(
              c -> lines.add(m.get("cluster.cp.citadel", p.namespace(), c.name(), c.readiness())));
      lines.add(
          m.get(
              "cluster.cp.ca",
              p.namespace(),
              p.caMode().displayName(),
              String.join("; ", p.caEvidence())));
    }
    for (LinkerdControlPlane l : report.linkerd()) {
      lines.add(
          m.get(
              "cluster.cp.linkerd",
              l.version().orElse("?"),
              l.namespace(),
              l.identity().readiness(),
              l.trustDomain(),
              l.trustRootsPem().isPresent()
                  ? m.get("cluster.cp.rootsPresent")
                  : m.get("cluster.cp.rootsMissing")));
    }
    for (SpireServer s : report.spire()) {
      lines.add(
          m.get(
              "cluster.cp.spire",
              s.server().namespace(),
              s.server().name(),
              s.server().readiness(),
              s.trustDomain().orElse("?"),
              s.agents().map(a -> a.readiness()).orElse("-")));
    }
    if (lines.isEmpty()) {
      lines.add(m.get("cluster.cp.none"));
    }
    return lines;
  }
}
