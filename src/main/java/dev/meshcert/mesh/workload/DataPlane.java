package dev.meshcert.mesh.workload;

/** The mesh data plane a pod's traffic goes through, as far as its spec shows. */
public enum DataPlane {
  ISTIO_SIDECAR("Istio sidecar", true),
  ISTIO_AMBIENT("Istio ambient", true),
  /** Istio's per-node ambient proxy itself (the ztunnel DaemonSet's pods), not a workload. */
  ISTIO_ZTUNNEL("Istio ztunnel (node proxy)", true),
  LINKERD("Linkerd", true),
  CONSUL("Consul", true),
  KUMA("Kuma / Kong Mesh", true),
  OSM("Open Service Mesh", true),
  NGINX_SM("NGINX Service Mesh", true),
  APP_MESH("AWS App Mesh", true),
  SPIRE_CSI("SPIRE (CSI driver)", false),
  CERT_MANAGER_CSI("cert-manager CSI driver", false),
  NONE("no mesh", false);

  private final String displayName;
  private final boolean proxy;

  DataPlane(String displayName, boolean proxy) {
    this.displayName = displayName;
    this.proxy = proxy;
  }

  /** A name for people ("Istio sidecar"). */
  public String displayName() {
    return displayName;
  }

  /**
   * Whether traffic is carried by a mesh proxy (sidecar or node proxy) that terminates mTLS. The
   * CSI drivers only hand certificates to the application, which must do TLS itself.
   */
  public boolean isProxy() {
    return proxy;
  }
}
