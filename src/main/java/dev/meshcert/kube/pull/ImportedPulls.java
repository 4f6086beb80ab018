package dev.meshcert.kube.pull;

import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scan result of imported dumps: the recorded mesh roots, and one pull per pod whose dump was
 * imported, judged at the instant the dumps were taken.
 */
final class ImportedPulls {

  private final Verdicts verdicts = new Verdicts();

  /**
   * @param mesh the recorded mesh
   * @param taken when the dumps were taken
   * @param roots the recorded roots and CAs
   * @param chains the chain read from each pod's dump, by "namespace/name"
   * @param failures why a pod's dump held no chain, by "namespace/name"
   * @param sources which file each pod's dump came from, by "namespace/name"
   * @param problems what could not be read beyond single pods
   */
  ScanResult result(
      MeshSnapshot mesh,
      Instant taken,
      List<MeshRoot> roots,
      Map<String, PulledChain> chains,
      Map<String, String> failures,
      Map<String, String> sources,
      List<String> problems) {
    Clock clock = Clock.fixed(taken, ZoneOffset.UTC);
    List<PodPull> pulls = new ArrayList<>();
    for (WorkloadStatus w : mesh.workloads()) {
      String ref = w.pod().ref();
      if (!chains.containsKey(ref) && !failures.containsKey(ref)) {
        continue;
      }
      String source = sources.get(ref);
      if (chains.containsKey(ref) && !chains.get(ref).chain().isEmpty()) {
        PulledChain chain = chains.get(ref);
        pulls.add(
            new PodPull(
                w.pod(),
                w.dataPlane().primary(),
                PullStatus.PULLED,
                List.of(
                    new Attempt(
                        source,
                        true,
                        chain.chain().size() + " certificates",
                        Optional.empty(),
                        Duration.ZERO)),
                Optional.of(chain),
                Optional.of(
                    verdicts.judge(w.pod(), chain, RootsReader.forPod(w, roots, mesh), clock)),
                Optional.empty(),
                List.of(),
                Duration.ZERO));
      } else {
        String why = failures.getOrDefault(ref, "the dump holds no certificate");
        pulls.add(
            new PodPull(
                w.pod(),
                w.dataPlane().primary(),
                PullStatus.FAILED,
                List.of(new Attempt(source, false, why, Optional.empty(), Duration.ZERO)),
                Optional.empty(),
                Optional.empty(),
                Optional.of(why),
                List.of(),
                Duration.ZERO));
      }
    }
    return new ScanResult(mesh, taken, roots, pulls, false, problems);
  }
}
