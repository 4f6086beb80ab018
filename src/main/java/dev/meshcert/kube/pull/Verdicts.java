package dev.meshcert.kube.pull;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.ChainReport;
import dev.meshcert.core.analysis.InspectOptions;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.PathValidator;
import dev.meshcert.core.chain.SignatureVerifier;
import dev.meshcert.core.chain.TrustVerdict;
import dev.meshcert.core.finding.ExpectedIdentity;
import dev.meshcert.core.finding.MeshProfiles;
import dev.meshcert.core.finding.Rotation;
import dev.meshcert.mesh.workload.Workload;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges a pulled chain with core's {@link Inspector}: the chain and the roots the pod holds are
 * inspected together, verified against the mesh roots, with the pod's namespace and service account
 * as the expected identity. The certificates are handed to the inspector as already read ({@link
 * ReadSources}), not encoded to PEM and decoded again. One instance per scan: signature checks of
 * shared CAs are remembered across pods. Thread-safe.
 */
final class Verdicts {

  private final SignatureVerifier verifier = new SignatureVerifier();
  private final PathValidator paths = new PathValidator(verifier);

  PodVerdicts judge(
      Workload pod, PulledChain pulled, List<CertificateFacts> meshRoots, Clock clock) {
    Instant at = clock.instant();
    String name = pod.ref() + " " + pulled.source();
    ReadSources read = new ReadSources();
    List<InspectionInput> inputs = new ArrayList<>();
    inputs.add(read.add(name, pulled.chain()));
    if (!pulled.roots().isEmpty()) {
      inputs.add(read.add(name + " (roots held)", pulled.roots()));
    }
    InspectOptions options =
        InspectOptions.at(Clock.fixed(at, java.time.ZoneOffset.UTC))
            .withExpectedIdentity(new ExpectedIdentity(pod.namespace(), pod.serviceAccount()))
            .withTrustAnchors(
                meshRoots.isEmpty() ? List.of() : List.of(read.add("mesh roots", meshRoots)));
    Analysis analysis = new Inspector(read, verifier).inspect(inputs, options);
    CertificateFacts leaf = pulled.chain().get(0);
    Optional<TrustVerdict> meshVerdict =
        analysis.chains().stream()
            .filter(c -> c.chain().leaf().sha256().equals(leaf.sha256()))
            .map(ChainReport::verdict)
            .findFirst();
    PodVerdicts.RootMatch meshRoot =
        meshRoots.isEmpty()
            ? PodVerdicts.RootMatch.NO_MESH_ROOT
            : meshVerdict.map(TrustVerdict::trusted).orElse(false)
                ? PodVerdicts.RootMatch.VERIFIES
                : PodVerdicts.RootMatch.DOES_NOT_VERIFY;
    Optional<CertificateFacts> verifiedRoot =
        meshVerdict
            .filter(TrustVerdict::trusted)
            .flatMap(TrustVerdict::verifiedPath)
            .map(Verdicts::last);
    if (verifiedRoot.isEmpty() && !pulled.roots().isEmpty()) {
      verifiedRoot =
          paths
              .with(pulled.roots(), pulled.chain())
              .validate(leaf, at)
              .verifiedPath()
              .map(Verdicts::last);
    }
    Optional<Boolean> heldMatch = Optional.empty();
    if (!meshRoots.isEmpty() && !pulled.roots().isEmpty()) {
      Set<String> held =
          pulled.roots().stream().map(CertificateFacts::sha256).collect(Collectors.toSet());
      heldMatch = Optional.of(meshRoots.stream().anyMatch(r -> held.contains(r.sha256())));
    }
    Optional<String> identity = identity(leaf);
    return new PodVerdicts(
        identity,
        pod.namespace() + "/" + pod.serviceAccount(),
        match(leaf, pod),
        meshRoot,
        verifiedRoot,
        heldMatch,
        MeshProfiles.detect(pulled.chain()).map(p -> Rotation.of(leaf, p, at)),
        analysis);
  }

  static Optional<String> identity(CertificateFacts leaf) {
    return leaf.spiffeUri().or(() -> leaf.dnsSans().stream().findFirst());
  }

  static PodVerdicts.IdentityMatch match(CertificateFacts leaf, Workload pod) {
    Optional<String> spiffe = leaf.spiffeUri();
    if (spiffe.isPresent()) {
      String path = spiffe.get().replaceFirst("(?i)^spiffe://[^/]*", "");
      return path.equals("/ns/" + pod.namespace() + "/sa/" + pod.serviceAccount())
          ? PodVerdicts.IdentityMatch.MATCHES
          : PodVerdicts.IdentityMatch.MISMATCH;
    }
    String linkerd = pod.serviceAccount() + "." + pod.namespace() + ".serviceaccount.identity.";
    List<String> names = leaf.dnsSans();
    if (names.stream().anyMatch(n -> n.contains(".serviceaccount.identity."))) {
      return names.stream().anyMatch(n -> n.startsWith(linkerd))
          ? PodVerdicts.IdentityMatch.MATCHES
          : PodVerdicts.IdentityMatch.MISMATCH;
    }
    return PodVerdicts.IdentityMatch.UNKNOWN;
  }

  private static CertificateFacts last(List<CertificateFacts> path) {
    return path.get(path.size() - 1);
  }
}
