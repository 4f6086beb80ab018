package dev.meshcert.kube.pull;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.mesh.detect.DetectionContext;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.workload.DataPlane;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pulls one pod: tries its strategies in order until one reads certificates, records every attempt,
 * and judges what was read. Never throws: failures are in the {@link PodPull}.
 */
final class PodPuller {

  private final Verdicts verdicts;
  private final Clock clock;

  PodPuller(Verdicts verdicts, Clock clock) {
    this.verdicts = verdicts;
    this.clock = clock;
  }

  PodPull pull(PodContext context, List<CertificateFacts> meshRoots) {
    WorkloadStatus status = context.status();
    DataPlane plane = status.dataPlane().primary();
    long start = System.nanoTime();
    if (plane == DataPlane.NONE) {
      return skipped(status, "the pod is in no mesh", start);
    }
    if (DetectionContext.ZTUNNEL_APP.equals(status.pod().labels().get("app"))) {
      return skipped(
          status,
          "a ztunnel node proxy: the certificates it holds are those of the ambient pods of its"
              + " node, pulled with them",
          start);
    }
    List<Strategy> strategies = Strategies.forPod(status, context.cluster().isDemo());
    if (strategies.isEmpty()) {
      List<String> warnings =
          status.dataPlane().detections().stream().flatMap(d -> d.warnings().stream()).toList();
      return skipped(
          status,
          warnings.isEmpty()
              ? "no way to read the certificates of " + plane.displayName() + " yet"
              : String.join("; ", warnings),
          start);
    }
    List<Attempt> attempts = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Strategy s : strategies) {
      if (context.cancellation().isCancelled()) {
        break;
      }
      long t0 = System.nanoTime();
      try {
        PulledChain pulled = s.pull(context);
        attempts.add(new Attempt(s.name(), true, describe(pulled), Optional.empty(), since(t0)));
        PodVerdicts v = verdicts.judge(status.pod(), pulled, meshRoots, clock);
        return new PodPull(
            status.pod(),
            plane,
            PullStatus.PULLED,
            attempts,
            Optional.of(pulled),
            Optional.of(v),
            Optional.empty(),
            missing,
            since(start));
      } catch (KubeException e) {
        KubeFailure f = e.failure();
        attempts.add(new Attempt(s.name(), false, f.title(), Optional.of(f), since(t0)));
        if (f instanceof KubeFailure.Forbidden forbidden) {
          String verb = forbidden.operation().verb() + " " + forbidden.operation().resource();
          if (!missing.contains(verb)) {
            missing.add(verb);
          }
        }
        if (f instanceof KubeFailure.Cancelled) {
          break;
        }
      } catch (Strategy.PullException e) {
        attempts.add(new Attempt(s.name(), false, e.getMessage(), Optional.empty(), since(t0)));
      }
    }
    return new PodPull(
        status.pod(),
        plane,
        PullStatus.FAILED,
        attempts,
        Optional.empty(),
        Optional.empty(),
        Optional.of(reason(attempts, missing)),
        missing,
        since(start));
  }

  static String reason(List<Attempt> attempts, List<String> missing) {
    if (attempts.isEmpty()) {
      return "no strategy was tried";
    }
    String all =
        attempts.stream()
            .map(a -> a.strategy() + ": " + a.detail())
            .collect(Collectors.joining("; "));
    return missing.isEmpty()
        ? all
        : "missing permission " + String.join(", ", missing) + " — " + all;
  }

  private static PodPull skipped(WorkloadStatus status, String why, long start) {
    return new PodPull(
        status.pod(),
        status.dataPlane().primary(),
        PullStatus.SKIPPED,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(why),
        List.of(),
        since(start));
  }

  private static String describe(PulledChain p) {
    return p.chain().size()
        + (p.chain().size() == 1 ? " certificate" : " certificates")
        + (p.roots().isEmpty()
            ? ""
            : ", " + p.roots().size() + (p.roots().size() == 1 ? " root" : " roots"))
        + p.keyMatchesLeaf()
            .map(k -> k ? ", key matches the leaf" : ", KEY DOES NOT MATCH the leaf")
            .orElse("");
  }

  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
