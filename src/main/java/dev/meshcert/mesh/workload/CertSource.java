package dev.meshcert.mesh.workload;

/**
 * Where a pod's mesh certificates can be read from, for the services that fetch them (exec,
 * port-forward, Secret reads). Every variant names the place in the cluster, never the bytes.
 */
public sealed interface CertSource {

  /** A person-readable description ("Envoy admin on istio-proxy:15000"). */
  String describe();

  /**
   * An Envoy proxy's admin interface inside the pod ({@code /config_dump}, {@code /certs}).
   *
   * @param container the proxy container
   * @param port the admin port on localhost (15000 for Istio and OSM, 19000 for Consul, 9901 for
   *     Kuma and App Mesh)
   */
  record EnvoyAdmin(String container, int port) implements CertSource {
    @Override
    public String describe() {
      return "Envoy admin on " + container + ":" + port;
    }
  }

  /**
   * The ztunnel serving the pod's node in ambient mode; its config dump holds the certificates of
   * every ambient pod on the node.
   *
   * @param namespace the ztunnel pod's namespace
   * @param pod the ztunnel pod's name
   * @param port its admin port (15000)
   */
  record ZtunnelAdmin(String namespace, String pod, int port) implements CertSource {
    @Override
    public String describe() {
      return "ztunnel " + namespace + "/" + pod + " admin :" + port;
    }
  }

  /**
   * A Linkerd proxy; its identity is presented on the proxy's admin and inbound ports.
   *
   * @param container the proxy container
   * @param adminPort the admin port (4191)
   */
  record LinkerdProxy(String container, int adminPort) implements CertSource {
    @Override
    public String describe() {
      return "Linkerd proxy " + container + " admin :" + adminPort;
    }
  }

  /**
   * Certificate files mounted into a container (CSI driver volumes, Secret volumes, the legacy
   * Istio {@code /etc/certs}).
   *
   * @param container the container that mounts them
   * @param directory the mount path
   * @param volume the pod volume's name
   */
  record MountedFiles(String container, String directory, String volume) implements CertSource {
    @Override
    public String describe() {
      return "files in " + container + ":" + directory + " (volume " + volume + ")";
    }
  }

  /**
   * A SPIFFE Workload API socket mounted into a container (SPIRE's CSI driver); the SVIDs are
   * fetched over it, not read from files.
   *
   * @param container the container that mounts it
   * @param directory the mount path holding the socket
   * @param volume the pod volume's name
   */
  record WorkloadApiSocket(String container, String directory, String volume)
      implements CertSource {
    @Override
    public String describe() {
      return "SPIFFE Workload API socket in " + container + ":" + directory;
    }
  }
}
