package dev.meshcert.probe;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.kube.demo.DemoEndpoints;
import dev.meshcert.mesh.workload.Workload;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A probe of one demo mesh workload port, as the window and {@code meshcert probe --demo} run it:
 * the port is answered on loopback by {@link DemoMeshServers}, the server name defaults to {@code
 * WORKLOAD.NAMESPACE}, the server is verified against the demo mesh's roots unless others are given
 * and must present the SPIFFE ID Istio gives the pod unless another is expected, and the client may
 * present a demo pod's own workload identity.
 */
public final class DemoProbe {

  /**
   * What to probe and with which identity.
   *
   * @param target the loopback address standing for the pod's port, with its server name
   * @param identity the client identity (if any) and the roots to verify the server with
   * @param note one line for the transcript: which demo pod and port, its mode, where it answers
   */
  public record Plan(ProbeTarget target, ProbeIdentity identity, String note) {}

  /**
   * What the caller asks for.
   *
   * @param podPort {@code NAMESPACE/POD:PORT} of a demo pod
   * @param serverName the server name to send; empty for {@code WORKLOAD.NAMESPACE}
   * @param path the HTTP path
   * @param expectedSpiffeId the SPIFFE ID the server must present; empty for the one Istio gives
   *     the pod (none for pods outside Istio)
   * @param timeout for each step
   * @param sourcePod {@code NAMESPACE/POD} whose demo identity the client presents; empty to keep
   *     {@code given}'s identity
   * @param given the identity and roots asked for otherwise (its roots replace the demo's when not
   *     empty)
   */
  public record Request(
      String podPort,
      Optional<String> serverName,
      String path,
      Optional<String> expectedSpiffeId,
      Duration timeout,
      Optional<String> sourcePod,
      ProbeIdentity given) {}

  private DemoProbe() {}

  /**
   * Starts (if needed) the server for the requested port and plans the probe.
   *
   * @throws IOException with a message for people: a malformed reference, no such demo pod, a port
   *     the pod does not serve, a source pod without a mesh identity, or no loopback port
   */
  public static Plan plan(DemoMeshServers servers, Request request) throws IOException {
    DemoCluster mesh = servers.demo();
    DemoEndpoints endpoints = mesh.endpoints();
    int colon = request.podPort().lastIndexOf(':');
    if (colon <= 0) {
      throw new IOException("the target must be NAMESPACE/POD:PORT");
    }
    Workload pod = pod(mesh, request.podPort().substring(0, colon));
    int port = port(request.podPort().substring(colon + 1));
    InetSocketAddress address =
        servers
            .address(pod, port)
            .orElseThrow(
                () -> new IOException("the demo pod " + pod.ref() + " serves nothing on " + port));
    ProbeTarget target =
        new ProbeTarget(
            address.getHostString(),
            address.getPort(),
            Optional.of(request.serverName().orElse(pod.workloadName() + "." + pod.namespace())),
            request.path(),
            request.expectedSpiffeId().or(() -> endpoints.expectedSpiffeId(pod)),
            request.timeout(),
            request.timeout());
    ProbeIdentity given = request.given();
    List<X509Certificate> roots = given.roots().isEmpty() ? endpoints.roots() : given.roots();
    ProbeIdentity identity = new ProbeIdentity(given.identity(), roots, given.description());
    if (request.sourcePod().isPresent()) {
      Workload source = pod(mesh, request.sourcePod().get());
      DemoEndpoints.DemoIdentity own =
          endpoints
              .identity(source)
              .orElseThrow(() -> new IOException(source.ref() + " has no mesh identity"));
      identity =
          new ProbeIdentity(
              Optional.of(new ClientIdentity(own.key(), own.chain())),
              roots,
              "the demo identity of " + source.ref());
    }
    String note =
        "Demo mesh: "
            + pod.ref()
            + " port "
            + port
            + " ("
            + endpoints.mode(pod, port).map(Enum::name).orElse("?")
            + ") answers on "
            + target.authority();
    return new Plan(target, identity, note);
  }

  /** The demo pod named {@code NAMESPACE/POD}. */
  private static Workload pod(DemoCluster mesh, String ref) throws IOException {
    String[] p = ref.split("/", -1);
    if (p.length != 2 || p[0].isBlank() || p[1].isBlank()) {
      throw new IOException("a pod must be NAMESPACE/NAME, not \"" + ref + "\"");
    }
    try {
      return mesh.pods(NamespaceScope.of(p[0]), Cancellation.none()).stream()
          .filter(w -> w.name().equals(p[1]))
          .findFirst()
          .orElseThrow(() -> new IOException("no demo pod " + ref));
    } catch (KubeException e) {
      throw new IOException("the demo mesh could not list " + p[0] + ": " + e.getMessage(), e);
    }
  }

  private static int port(String s) throws IOException {
    try {
      int p = Integer.parseInt(s.trim());
      if (p < 1 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IOException("the port must be 1-65535, not \"" + s + "\"");
    }
  }
}
