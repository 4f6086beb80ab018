package dev.meshcert.ui.cluster;

import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.policy.Decision;
import dev.meshcert.mesh.policy.MtlsBadge;
import dev.meshcert.mesh.policy.MtlsMode;
import dev.meshcert.mesh.policy.PolicyRef;
import dev.meshcert.mesh.workload.DataPlane;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.report.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The evidence card of one pod of the Cluster screen: its data plane and the evidence for it, the
 * effective mTLS per port with the PeerAuthentication that decided it, and the commands that show
 * the same by hand. Pure formatting, no JavaFX; the window redacts the card before it leaves.
 */
public final class ClusterEvidence {

  private final Messages messages;

  /**
   * @param messages the Cluster screen's texts ({@link ClusterScreen#messages})
   */
  public ClusterEvidence(Messages messages) {
    this.messages = messages;
  }

  /** The card of {@code pod} as seen in {@code snapshot}. */
  public Evidence card(MeshSnapshot snapshot, WorkloadStatus pod) {
    WorkloadRow row = new WorkloadRow(pod);
    List<Evidence.Fact> facts = new ArrayList<>();
    fact(facts, "cluster.evidence.context", snapshot.cluster());
    fact(facts, "cluster.column.plane", row.planeText());
    fact(facts, "cluster.column.account", row.serviceAccount());
    fact(facts, "cluster.column.node", row.node());
    fact(facts, "cluster.details.evidence", String.join("\n", row.evidence()));
    fact(facts, "cluster.details.why", pod.mtls().decision().reason());
    fact(
        facts,
        "cluster.details.ports",
        pod.ports().stream()
            .map(p -> port(p.port(), p.decision()))
            .collect(Collectors.joining("\n")));
    fact(
        facts,
        "cluster.details.policy",
        pod.mtls().applied().stream().map(PolicyRef::toString).collect(Collectors.joining("\n")));
    List<Evidence.Point> points = new ArrayList<>();
    row.warnings().forEach(w -> points.add(new Evidence.Point(Evidence.Tone.WARNING, w)));
    pod.mtls().notes().forEach(n -> points.add(new Evidence.Point(Evidence.Tone.OK, n)));
    Evidence.Tone tone = tone(row.badge());
    if (row.plane() == DataPlane.ISTIO_SIDECAR || row.plane() == DataPlane.ISTIO_AMBIENT) {
      for (WorkloadStatus.PortStatus p : pod.ports()) {
        tone = tone.worst(tone(p.decision().mode()));
      }
    }
    if (!row.warnings().isEmpty()) {
      tone = tone.worst(Evidence.Tone.WARNING);
    }
    return new Evidence(
        row.ref(),
        tone,
        messages.get("cluster.evidence.status", row.mtlsText()),
        facts,
        points,
        command(snapshot, row),
        snapshot.takenAt());
  }

  private String port(int port, Decision d) {
    return messages.get("cluster.evidence.port", port, d.mode().name(), d.reason());
  }

  /** What shows the same by hand: the pod, the policies, and istioctl's description. */
  static String command(MeshSnapshot snapshot, WorkloadRow row) {
    String context = snapshot.demo() ? "" : " --context " + quote(snapshot.cluster());
    String pod = quote(row.name()) + " -n " + quote(row.namespace());
    StringBuilder b =
        new StringBuilder("kubectl")
            .append(context)
            .append(" get pod ")
            .append(pod)
            .append(" -o yaml\n");
    b.append("kubectl").append(context).append(" get peerauthentications.security.istio.io -A");
    DataPlane plane = row.plane();
    if (plane == DataPlane.ISTIO_SIDECAR || plane == DataPlane.ISTIO_AMBIENT) {
      b.append("\nistioctl").append(context).append(" x describe pod ").append(pod);
    }
    return b.toString();
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  static Evidence.Tone tone(MtlsBadge badge) {
    return switch (badge) {
      case STRICT, NODE_PROXY, OTHER_MESH -> Evidence.Tone.OK;
      case PERMISSIVE, NO_SIDECAR -> Evidence.Tone.WARNING;
      case DISABLE -> Evidence.Tone.ERROR;
    };
  }

  private static Evidence.Tone tone(MtlsMode mode) {
    return switch (mode) {
      case STRICT -> Evidence.Tone.OK;
      case PERMISSIVE, UNSET -> Evidence.Tone.WARNING;
      case DISABLE -> Evidence.Tone.ERROR;
    };
  }

  private void fact(List<Evidence.Fact> facts, String key, String value) {
    facts.add(new Evidence.Fact(messages.get(key), value.isBlank() ? "\u2014" : value.strip()));
  }
}
