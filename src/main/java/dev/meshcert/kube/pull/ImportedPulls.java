package dev.meshcert.kube.pull;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import dev.meshcert.mesh.workload.ConfigMapData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scan result of imported dumps: the mesh roots of the recorded ConfigMaps, and one pull per
 * pod whose dump was imported, judged at the instant the dumps were taken.
 */
final class ImportedPulls {

  private final Verdicts verdicts = new Verdicts();

  /**
   * @param mesh the recorded mesh
   * @param taken when the dumps were taken
   * @param configMaps the recorded ConfigMaps (the roots are read from them)
   * @param chains the chain read from each pod's dump, by "namespace/name"
   * @param failures why a pod's dump held no chain, by "namespace/name"
   * @param sources which file each pod's dump came from, by "namespace/name"
   */
  ScanResult result(
      MeshSnapshot mesh,
      Instant taken,
      List<ConfigMapData> configMaps,
      Map<String, PulledChain> chains,
      Map<String, String> failures,
      Map<String, String> sources) {
    List<MeshRoot> roots = roots(configMaps);
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
    return new ScanResult(mesh, taken, roots, pulls, false, List.of());
  }

  /** The istio-ca-root-cert and linkerd-identity-trust-roots ConfigMaps, as mesh roots. */
  private static List<MeshRoot> roots(List<ConfigMapData> configMaps) {
    List<MeshRoot> roots = new ArrayList<>();
    for (ConfigMapData c : configMaps) {
      if (c.name().equals(RootsReader.ISTIO_ROOT) || c.name().equals(RootsReader.LINKERD_ROOTS)) {
        List<String> notes = new ArrayList<>();
        List<CertificateFacts> certs = new ArrayList<>();
        c.data()
            .values()
            .forEach(
                v ->
                    certs.addAll(
                        CertificateFiles.decode(
                            v.getBytes(StandardCharsets.UTF_8), c.name(), notes)));
        roots.add(
            new MeshRoot(
                c.name().equals(RootsReader.ISTIO_ROOT)
                    ? MeshRoot.Kind.ISTIO_ROOT_CONFIGMAP
                    : MeshRoot.Kind.LINKERD_TRUST_ROOTS,
                "ConfigMap " + c.namespace() + "/" + c.name(),
                c.namespace(),
                certs,
                notes));
      }
    }
    return roots;
  }
}
