package dev.meshcert.probe;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.KubeFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the three experiments over one {@link ProbeRoute} with one identity. Every step has the
 * target's timeouts; {@link #cancel()} (from any thread) stops the experiment in flight and skips
 * the rest, which are reported as {@link Outcome#CANCELLED}.
 */
public final class ProbeRun {
  private final ProbeRoute route;
  private final ProbeIdentity identity;
  private final Clock clock;
  private final Cancellation cancellation = new Cancellation();
  private final AtomicReference<MtlsProbe> current = new AtomicReference<>();
  private volatile boolean cancelled;

  public ProbeRun(ProbeRoute route, ProbeIdentity identity, Clock clock) {
    this.route = route;
    this.identity = identity;
    this.clock = clock;
  }

  /** Stops the run; harmless when it is done. */
  public void cancel() {
    cancelled = true;
    cancellation.cancel();
    MtlsProbe p = current.get();
    if (p != null) {
      p.cancel();
    }
  }

  /**
   * Runs the matrix.
   *
   * @throws IOException when the route itself cannot be set up (no local port for a port-forward;
   *     exec refused for an in-pod run): the message says why
   */
  public ProbeMatrix.Result run() throws IOException {
    List<ProbeResult> results = new ArrayList<>();
    if (route instanceof ProbeRoute.InPod p) {
      runInPod(p, results);
    } else if (route instanceof ProbeRoute.PortForwarded f) {
      runForwarded(f, results);
    } else {
      for (Experiment e : Experiment.values()) {
        results.add(desktop(e, route.target()));
      }
    }
    List<ProbeResult> noted = new ArrayList<>();
    for (ProbeResult r : results) {
      List<String> notes = new ArrayList<>();
      notes.add(route.describe());
      if (r.experiment() == Experiment.TLS_WITH_IDENTITY && !(route instanceof ProbeRoute.InPod)) {
        notes.add("Identity: " + identity.description());
      }
      noted.add(r.withNotes(notes));
    }
    return new ProbeMatrix.Result(noted, ProbeMatrix.verdict(noted));
  }

  private ProbeResult desktop(Experiment e, ProbeTarget target) {
    if (cancelled) {
      return cancelledResult(e, target);
    }
    MtlsProbe probe = new MtlsProbe(e, target, identity.identity(), identity.roots(), clock);
    current.set(probe);
    if (cancelled) {
      probe.cancel();
    }
    return probe.run();
  }

  private void runForwarded(ProbeRoute.PortForwarded f, List<ProbeResult> results)
      throws IOException {
    ProbeTarget named = f.target();
    Duration setup = named.connectTimeout().plus(named.readTimeout());
    try (PortForwardTunnel tunnel =
        new PortForwardTunnel(f.access(), f.namespace(), f.pod(), named.port(), cancellation)) {
      ProbeTarget local =
          new ProbeTarget(
              "127.0.0.1",
              tunnel.localPort(),
              java.util.Optional.of(named.serverName().orElse(named.host())),
              named.path(),
              named.expectedSpiffeId(),
              named.connectTimeout(),
              named.readTimeout().plus(setup));
      for (Experiment e : Experiment.values()) {
        ProbeResult r = desktop(e, local);
        List<String> errors = tunnel.errors();
        if (!errors.isEmpty()) {
          r = judgeTunnelError(r, errors, tunnel.failures());
        }
        results.add(r);
      }
    }
  }

  /**
   * An experiment whose port-forward failed saw only a local connection closing: judged from what
   * the cluster said instead. A pod gone or nothing listening on its port is a refused connection;
   * a port-forward the API server refused (a missing permission, an expired login) or could not
   * open is no mTLS answer at all, and the note says what to do.
   */
  static ProbeResult judgeTunnelError(
      ProbeResult r, List<String> errors, List<KubeFailure> failures) {
    String all = String.join("; ", errors);
    String lower = all.toLowerCase(Locale.ROOT);
    boolean failed =
        r.http().isEmpty()
            && r.outcome() != Outcome.CANCELLED
            && r.outcome() != Outcome.MUTUAL_TLS_ESTABLISHED;
    if (!failed) {
      return r.withNotes(List.of("port-forward reported: " + all));
    }
    boolean podAnswered =
        failures.stream().allMatch(f -> f instanceof KubeFailure.NotFound)
            && (lower.contains("refused")
                || lower.contains("not found")
                || lower.contains("nothing listens"));
    if (podAnswered) {
      return r.withOutcome(Outcome.CONNECTION_REFUSED, "port-forward: " + all);
    }
    if (!failures.isEmpty()) {
      List<String> notes = new ArrayList<>();
      for (KubeFailure f : failures.stream().distinct().toList()) {
        notes.add("port-forward: " + f.title());
        f.hints().forEach(h -> notes.add("try: " + h));
      }
      return r.withOutcome(Outcome.PORT_FORWARD_FAILED, String.join("; ", notes));
    }
    return r.withNotes(List.of("port-forward reported: " + all));
  }

  private void runInPod(ProbeRoute.InPod p, List<ProbeResult> results) throws IOException {
    InPodProbe probe = new InPodProbe(p.runners().open(cancellation));
    for (Experiment e : Experiment.values()) {
      if (cancelled) {
        results.add(cancelledResult(e, p.target()));
        continue;
      }
      try {
        results.add(
            probe.run(p.namespace(), p.pod(), p.container(), p.tool(), e, p.target(), p.files()));
      } catch (IOException ex) {
        if (cancelled) {
          results.add(cancelledResult(e, p.target()));
        } else {
          throw ex;
        }
      }
    }
  }

  private static ProbeResult cancelledResult(Experiment e, ProbeTarget target) {
    return new ProbeResult(
        e,
        target,
        Outcome.CANCELLED,
        List.of(new TranscriptLine(TranscriptLine.Kind.INFO, "Outcome: cancelled")),
        java.util.Optional.empty(),
        java.util.Optional.empty(),
        Duration.ZERO,
        Reproduce.command(e, target));
  }
}
