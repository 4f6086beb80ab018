package dev.meshcert.mesh.detect;

import java.util.List;

/**
 * Every mesh control plane found in a cluster.
 *
 * @param istio Istio control planes, one per namespace
 * @param linkerd Linkerd control planes
 * @param spire SPIRE servers
 * @param problems what could not be determined and why ("Secrets in istio-system not readable")
 */
public record ControlPlaneReport(
    List<IstioControlPlane> istio,
    List<LinkerdControlPlane> linkerd,
    List<SpireServer> spire,
    List<String> problems) {

  /** Copies the lists. */
  public ControlPlaneReport {
    istio = List.copyOf(istio);
    linkerd = List.copyOf(linkerd);
    spire = List.copyOf(spire);
    problems = List.copyOf(problems);
  }

  /** Whether no control plane was found. */
  public boolean isEmpty() {
    return istio.isEmpty() && linkerd.isEmpty() && spire.isEmpty();
  }
}
