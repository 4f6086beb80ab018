package dev.meshcert.ui.probe;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.kube.ProbeExec;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.probe.DemoMeshServers;
import dev.meshcert.probe.DemoProbe;
import dev.meshcert.probe.ExecCommandRunner;
import dev.meshcert.probe.InPodProbe;
import dev.meshcert.probe.ProbeIdentity;
import dev.meshcert.probe.ProbeMatrix;
import dev.meshcert.probe.ProbeResult;
import dev.meshcert.probe.ProbeRoute;
import dev.meshcert.probe.ProbeRun;
import dev.meshcert.probe.ProbeTarget;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the panel's requests: builds the route (desktop, demo loopback server, port-forward, exec
 * into the source pod) and the identity (PEM files, minted, pulled from the pod, the demo pod's
 * own), then the matrix. Keys stay in memory. Closing it stops the demo servers it started.
 */
public final class DefaultProbeService implements ProbeService, AutoCloseable {
  private final Supplier<Optional<ClusterConnection>> cluster;
  private final Supplier<DemoCluster> demo;
  private final Clock clock;
  private DemoMeshServers servers;

  /**
   * @param cluster the live cluster the panel works with, if any (for port-forward and exec)
   * @param demo the demo mesh, created on first use
   * @param clock what "now" is for minted identities
   */
  public DefaultProbeService(
      Supplier<Optional<ClusterConnection>> cluster, Supplier<DemoCluster> demo, Clock clock) {
    this.cluster = cluster;
    this.demo = demo;
    this.clock = clock;
  }

  @Override
  public Running start(ProbeRequest r) throws Exception {
    Cancellation cancellation = new Cancellation();
    Duration t = Duration.ofSeconds(Math.max(1, r.timeoutSeconds()));
    return switch (r.route()) {
      case DESKTOP ->
          matrix(
              new ProbeRoute.Direct(hostPort(r, t)),
              RequestIdentity.of(r, clock, Optional.empty()),
              List.of());
      case DEMO -> demoRun(r, t);
      case PORT_FORWARD -> {
        PodAccess access = connection().podAccess();
        String[] at = podPort(r.target());
        ProbeTarget named =
            target(r.serverName().orElse(at[1]), Integer.parseInt(at[2]), r, Optional.empty(), t);
        yield matrix(
            new ProbeRoute.PortForwarded(access, at[0], at[1], named),
            RequestIdentity.of(
                r,
                clock,
                connection().probeExec().map(e -> new ExecCommandRunner(e, cancellation))),
            List.of());
      }
      case IN_POD -> {
        ProbeExec access = exec();
        String[] source = pod(r.sourcePod().orElse(""));
        Optional<InPodProbe.IdentityFiles> files =
            r.identity() == ProbeRequest.IdentityKind.POD_FILES
                ? Optional.of(InPodProbe.IdentityFiles.ISTIO_LEGACY)
                : Optional.empty();
        yield matrix(
            new ProbeRoute.InPod(
                ProbeRoute.Runners.exec(access),
                source[0],
                source[1],
                r.container(),
                InPodProbe.Tool.CURL,
                hostPort(r, t),
                files),
            ProbeIdentity.none(),
            List.of());
      }
      case THROUGH_MESH -> throughMesh(r, t, cancellation);
    };
  }

  private Running matrix(ProbeRoute route, ProbeIdentity identity, List<String> notes) {
    ProbeRun run = new ProbeRun(route, identity, clock);
    return new Running() {
      @Override
      public ProbeOutput await() throws IOException {
        ProbeMatrix.Result m = run.run();
        List<ProbeResult> results =
            notes.isEmpty()
                ? m.results()
                : m.results().stream().map(x -> x.withNotes(notes)).toList();
        return new ProbeOutput(results, m.verdict().title());
      }

      @Override
      public void cancel() {
        run.cancel();
      }
    };
  }

  /** The loopback servers of the current demo mesh, replaced when the demo mesh is. */
  private synchronized DemoMeshServers servers() {
    DemoCluster mesh = demo.get();
    if (servers == null || servers.demo() != mesh) {
      if (servers != null) {
        servers.close();
      }
      servers = new DemoMeshServers(mesh);
    }
    return servers;
  }

  @Override
  public synchronized void close() {
    if (servers != null) {
      servers.close();
    }
  }

  private Running demoRun(ProbeRequest r, Duration t) throws Exception {
    ProbeIdentity given = RequestIdentity.of(r, clock, Optional.empty());
    Optional<String> source =
        r.identity() == ProbeRequest.IdentityKind.DEMO_WORKLOAD
            ? Optional.of(r.sourcePod().orElse(""))
            : Optional.empty();
    DemoProbe.Plan plan =
        DemoProbe.plan(
            servers(),
            new DemoProbe.Request(
                r.target(), r.serverName(), r.path(), r.expectedSpiffeId(), t, source, given));
    return matrix(new ProbeRoute.Direct(plan.target()), plan.identity(), List.of(plan.note()));
  }

  private Running throughMesh(ProbeRequest r, Duration t, Cancellation cancellation)
      throws Exception {
    ProbeExec access = exec();
    String[] source = pod(r.sourcePod().orElse(""));
    ProbeTarget target = hostPort(r, t);
    InPodProbe probe = new InPodProbe(new ExecCommandRunner(access, cancellation));
    return new Running() {
      @Override
      public ProbeOutput await() throws IOException {
        InPodProbe.MeshHop hop = probe.throughMesh(source[0], source[1], r.container(), target);
        return new ProbeOutput(List.of(hop.result()), hop.result().outcome().title());
      }

      @Override
      public void cancel() {
        cancellation.cancel();
      }
    };
  }

  private ClusterConnection connection() throws IOException {
    return cluster
        .get()
        .orElseThrow(
            () -> new IOException("open a cluster first: this route goes through the API server"));
  }

  private ProbeExec exec() throws IOException {
    ClusterConnection c = connection();
    return c.probeExec()
        .orElseThrow(() -> new IOException(c.name() + " cannot run commands in pods"));
  }

  private static ProbeTarget hostPort(ProbeRequest r, Duration t) throws IOException {
    int colon = r.target().lastIndexOf(':');
    if (colon <= 0) {
      throw new IOException("the target must be HOST:PORT");
    }
    return target(
        r.target().substring(0, colon),
        port(r.target().substring(colon + 1)),
        r,
        r.serverName(),
        t);
  }

  private static ProbeTarget target(
      String host, int port, ProbeRequest r, Optional<String> sni, Duration t) {
    return new ProbeTarget(host, port, sni, r.path(), r.expectedSpiffeId(), t, t);
  }

  /** "ns/pod:port" as {ns, pod, port}. */
  private static String[] podPort(String s) throws IOException {
    int colon = s.lastIndexOf(':');
    if (colon <= 0) {
      throw new IOException("the target must be NAMESPACE/POD:PORT");
    }
    String[] p = pod(s.substring(0, colon));
    port(s.substring(colon + 1));
    return new String[] {p[0], p[1], s.substring(colon + 1)};
  }

  private static String[] pod(String ref) throws IOException {
    String[] p = ref.split("/", -1);
    if (p.length != 2 || p[0].isBlank() || p[1].isBlank()) {
      throw new IOException("a pod is named NAMESPACE/NAME, not \"" + ref + "\"");
    }
    return p;
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
