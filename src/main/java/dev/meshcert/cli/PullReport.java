package dev.meshcert.cli;

import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.finding.Severity;
import dev.meshcert.kube.pull.Attempt;
import dev.meshcert.kube.pull.MeshRoot;
import dev.meshcert.kube.pull.PodPull;
import dev.meshcert.kube.pull.PodVerdicts;
import dev.meshcert.kube.pull.PullStatus;
import dev.meshcert.kube.pull.ScanResult;
import java.io.PrintWriter;
import java.util.Map;

/** Pulled chains and their verdicts as text: one block per pod, then the roots and a summary. */
final class PullReport {

  private PullReport() {}

  static void print(ScanResult r, boolean verbose, PrintWriter out) {
    out.println(
        "Certificates of "
            + r.cluster()
            + " at "
            + r.takenAt()
            + (r.cancelled() ? " (cancelled: partial)" : ""));
    for (PodPull p : r.pods()) {
      if (p.status() == PullStatus.SKIPPED && !verbose) {
        continue;
      }
      out.println();
      out.println(p.ref() + "  [" + p.plane().displayName() + "]  " + p.status());
      if (p.status() == PullStatus.PULLED) {
        out.println("  via " + p.strategy().orElse(""));
        PodVerdicts v = p.verdicts().orElseThrow();
        p.pulled()
            .flatMap(c -> c.leaf())
            .ifPresent(
                leaf ->
                    out.println(
                        "  leaf "
                            + leaf.displayName()
                            + ", valid "
                            + leaf.notBefore()
                            + " .. "
                            + leaf.notAfter()
                            + ", serial "
                            + leaf.serialHex()));
        out.println(
            "  identity "
                + v.identity().orElse("(none)")
                + ": "
                + v.identityMatch()
                + " (expected "
                + v.expectedIdentity()
                + ")");
        out.println(
            "  mesh root: "
                + v.meshRoot()
                + v.verifiedRoot()
                    .map(
                        c -> ", verifies to " + c.displayName() + " " + c.sha256().substring(0, 16))
                    .orElse("")
                + v.heldRootsMatchMesh()
                    .map(m -> m ? "" : "; the proxy holds ANOTHER root than the mesh's")
                    .orElse(""));
        v.rotation()
            .ifPresent(
                rot ->
                    out.println(
                        "  rotation: renew at "
                            + rot.renewAt()
                            + (rot.overdue() ? " (OVERDUE)" : "")));
        for (Finding f : v.findings()) {
          if (verbose || f.severity() != Severity.INFO) {
            out.println("  " + f.severity() + " " + f.rule() + ": " + f.title());
          }
        }
      } else {
        out.println("  " + p.reason().orElse(""));
        if (verbose) {
          for (Attempt a : p.attempts()) {
            out.println("  - " + a.strategy() + ": " + a.detail());
          }
        }
      }
    }
    if (!r.roots().isEmpty()) {
      out.println();
      out.println("Roots and CAs read:");
      for (MeshRoot root : r.roots()) {
        out.println(
            "  "
                + root.origin()
                + ": "
                + root.certificates().size()
                + " certificate(s)"
                + (root.notes().isEmpty() ? "" : " (" + String.join("; ", root.notes()) + ")"));
      }
    }
    r.problems().forEach(p -> out.println("! " + p));
    out.println();
    StringBuilder counts = new StringBuilder();
    for (Map.Entry<PullStatus, Integer> e : r.counts().entrySet()) {
      counts
          .append(counts.length() == 0 ? "" : ", ")
          .append(e.getValue())
          .append(' ')
          .append(e.getKey().name().toLowerCase(java.util.Locale.ROOT));
    }
    out.println(r.pods().size() + " pods: " + counts);
    out.flush();
  }

  /** Whether any pulled chain has an error-level finding, or a pod failed. */
  static boolean hasProblems(ScanResult r) {
    return !r.failed().isEmpty()
        || r.pulled().stream()
            .flatMap(p -> p.verdicts().stream())
            .anyMatch(v -> v.analysis().hasErrors());
  }
}
