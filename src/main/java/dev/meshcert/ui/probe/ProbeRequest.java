package dev.meshcert.ui.probe;

import java.util.Optional;

/**
 * Everything the panel asks for, as plain values: where the probe runs from, what it targets, and
 * which identity it presents. Built on the FX thread, used off it.
 *
 * @param route where the probe runs from
 * @param target "host:port" (DESKTOP, IN_POD, THROUGH_MESH) or "namespace/pod:port" (DEMO,
 *     PORT_FORWARD)
 * @param serverName SNI to send, empty for the host
 * @param path the HTTP path
 * @param expectedSpiffeId the SPIFFE ID the server should present
 * @param sourcePod "namespace/pod" to run from (IN_POD, THROUGH_MESH) or whose identity to use
 * @param container the container of the source pod
 * @param identity which identity to present
 * @param certFile PEM chain (PEM_FILES), or the minting CA's certificate (MINT)
 * @param keyFile PEM key (PEM_FILES), or the minting CA's key (MINT)
 * @param spiffeId the minted identity's SPIFFE ID (MINT)
 * @param rootsFile PEM roots to verify the server against
 * @param timeoutSeconds each step's timeout
 */
public record ProbeRequest(
    Route route,
    String target,
    Optional<String> serverName,
    String path,
    Optional<String> expectedSpiffeId,
    Optional<String> sourcePod,
    String container,
    IdentityKind identity,
    Optional<String> certFile,
    Optional<String> keyFile,
    Optional<String> spiffeId,
    Optional<String> rootsFile,
    int timeoutSeconds) {

  /** Where the probe runs from. */
  public enum Route {
    /** This machine to host:port. */
    DESKTOP,
    /** This machine to a demo workload's loopback server. */
    DEMO,
    /** This machine through a port-forward to a pod's port. */
    PORT_FORWARD,
    /** curl inside a container of the source pod. */
    IN_POD,
    /** Plain HTTP from the source pod's application, through its sidecar. */
    THROUGH_MESH
  }

  /** Which identity to present in the third experiment. */
  public enum IdentityKind {
    NONE,
    PEM_FILES,
    MINT,
    /** The legacy /etc/certs files of the source pod (pulled, or used in place in-pod). */
    POD_FILES,
    /** The demo source pod's own identity. */
    DEMO_WORKLOAD
  }
}
