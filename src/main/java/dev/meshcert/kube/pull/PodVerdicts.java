package dev.meshcert.kube.pull;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.finding.Rotation;
import java.util.List;
import java.util.Optional;

/**
 * What the pulled chain of one pod is worth: its identity against the pod, its chain against the
 * mesh root, its rotation, and every finding of core's {@code Inspector}.
 *
 * @param identity the identity the leaf carries (SPIFFE ID, or Linkerd's DNS name), when it has one
 * @param expectedIdentity the identity the pod should have ("bookinfo/bookinfo-productpage", its
 *     namespace and service account)
 * @param identityMatch how the two compare
 * @param meshRoot whether the chain verifies to the mesh's root (the istio-ca-root-cert ConfigMap,
 *     Linkerd's trust roots)
 * @param verifiedRoot the root the chain verifies to, among the mesh roots and the roots the data
 *     plane holds; empty when it verifies to none
 * @param heldRootsMatchMesh whether the roots the data plane holds include the mesh root (false
 *     after a root rotation that has not reached the pod); empty when either side is unknown
 * @param rotation when the leaf is due for renewal under the mesh's rotation policy
 * @param analysis the full analysis (certificate and chain reports, findings) of the chain, judged
 *     against the mesh roots with the pod's expected identity
 */
public record PodVerdicts(
    Optional<String> identity,
    String expectedIdentity,
    IdentityMatch identityMatch,
    RootMatch meshRoot,
    Optional<CertificateFacts> verifiedRoot,
    Optional<Boolean> heldRootsMatchMesh,
    Optional<Rotation> rotation,
    Analysis analysis) {

  /** Every finding about the chain and its certificates. */
  public List<Finding> findings() {
    return analysis.findings();
  }

  /** Whether the leaf carries the pod's identity. */
  public enum IdentityMatch {
    /** The leaf names the pod's namespace and service account. */
    MATCHES,
    /** The leaf names another namespace or service account. */
    MISMATCH,
    /** The leaf carries no identity we can compare. */
    UNKNOWN
  }

  /** Whether the chain verifies to the mesh root. */
  public enum RootMatch {
    /** A path from the leaf to a mesh root verified. */
    VERIFIES,
    /** No path from the leaf to any mesh root verified. */
    DOES_NOT_VERIFY,
    /** The mesh root could not be read, so the chain was not judged against it. */
    NO_MESH_ROOT
  }
}
