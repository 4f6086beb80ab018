package dev.meshcert.mesh.policy;

import dev.meshcert.mesh.workload.DataPlane;

/** The one-word summary shown beside a workload: what its server side accepts. */
public enum MtlsBadge {
  STRICT("STRICT"),
  PERMISSIVE("PERMISSIVE"),
  DISABLE("DISABLE"),
  /** No Istio proxy: PeerAuthentication cannot apply, the pod speaks whatever the app speaks. */
  NO_SIDECAR("no sidecar: plain text only"),
  /** Istio's ztunnel: it carries the ambient pods' mTLS; PeerAuthentication applies to them. */
  NODE_PROXY("node proxy: carries ambient mTLS"),
  /** Another mesh handles mTLS (Linkerd, Consul, ...): PeerAuthentication does not apply. */
  OTHER_MESH("mTLS by another mesh");

  private final String label;

  MtlsBadge(String label) {
    this.label = label;
  }

  /** The badge text. */
  public String label() {
    return label;
  }

  /** The badge for a workload whose primary data plane is {@code plane}. */
  public static MtlsBadge of(DataPlane plane, MtlsMode effective) {
    return switch (plane) {
      case ISTIO_SIDECAR, ISTIO_AMBIENT ->
          switch (effective) {
            case STRICT -> STRICT;
            case DISABLE -> DISABLE;
            case PERMISSIVE, UNSET -> PERMISSIVE;
          };
      case ISTIO_ZTUNNEL -> NODE_PROXY;
      case NONE, SPIRE_CSI, CERT_MANAGER_CSI -> NO_SIDECAR;
      default -> OTHER_MESH;
    };
  }
}
