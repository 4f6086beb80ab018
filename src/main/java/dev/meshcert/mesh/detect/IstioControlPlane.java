package dev.meshcert.mesh.detect;

import dev.meshcert.mesh.workload.WorkloadResource;
import java.util.List;
import java.util.Optional;

/**
 * An Istio control plane in one namespace: its istiod revisions, or the legacy Citadel of Istio 1.4
 * and older, and where its certificates come from.
 *
 * @param namespace the control-plane namespace ("istio-system")
 * @param revisions istiod deployments, default revision first; empty for a Citadel-only install
 * @param citadel the legacy {@code istio-citadel} deployment, when present
 * @param caMode where workload certificates are signed
 * @param caEvidence why we think so ("Secret cacerts with ca-cert.pem, ca-key.pem, ...")
 * @param rootCertPem the mesh root certificate(s) from the {@code istio-ca-root-cert} ConfigMap
 */
public record IstioControlPlane(
    String namespace,
    List<IstiodRevision> revisions,
    Optional<WorkloadResource> citadel,
    CaMode caMode,
    List<String> caEvidence,
    Optional<String> rootCertPem) {

  /** Copies the lists. */
  public IstioControlPlane {
    revisions = List.copyOf(revisions);
    caEvidence = List.copyOf(caEvidence);
  }

  /** The mesh config of the default revision (or the first), or Istio's defaults. */
  public MeshConfig meshConfig() {
    return revisions.stream()
        .filter(r -> r.revision().equals("default"))
        .findFirst()
        .or(() -> revisions.stream().findFirst())
        .map(IstiodRevision::meshConfig)
        .orElse(MeshConfig.defaults());
  }

  /** The namespace whose PeerAuthentications are mesh-wide: configured, else this namespace. */
  public String rootNamespace() {
    return meshConfig().rootNamespace().orElse(namespace);
  }

  /** The trust domain of the default revision. */
  public String trustDomain() {
    return meshConfig().trustDomain();
  }
}
