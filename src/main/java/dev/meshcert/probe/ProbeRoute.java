package dev.meshcert.probe;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.PodAccess;
import dev.meshcert.kube.ProbeExec;
import java.util.Optional;

/** Where a probe runs from and how it reaches its target. */
public sealed interface ProbeRoute {

  /** The target as the person named it (host, port, SNI, expectations). */
  ProbeTarget target();

  /** One line for the transcript: where the probe ran from. */
  String describe();

  /** From this machine straight to {@code target}'s host and port. */
  record Direct(ProbeTarget target) implements ProbeRoute {
    @Override
    public String describe() {
      return "From this machine to " + target.authority();
    }
  }

  /**
   * From this machine through a port-forward to {@code namespace/pod}'s port {@code target.port()};
   * {@code target.host()} is sent as SNI and Host (the service name the mesh would use).
   */
  record PortForwarded(PodAccess access, String namespace, String pod, ProbeTarget target)
      implements ProbeRoute {
    @Override
    public String describe() {
      return "Through a port-forward to "
          + namespace
          + "/"
          + pod
          + " port "
          + target.port()
          + ": "
          + PortForwardTunnel.CAVEAT;
    }
  }

  /** Opens a command runner for one run; cancelling ends its commands. */
  @FunctionalInterface
  interface Runners {
    PodCommandRunner open(Cancellation cancellation);

    /** Commands run over Kubernetes exec. */
    static Runners exec(ProbeExec access) {
      return c -> new ExecCommandRunner(access, c);
    }
  }

  /**
   * From inside {@code container} of the source pod, with {@code tool} and the identity files in
   * that container, as the walkthrough does.
   */
  record InPod(
      Runners runners,
      String namespace,
      String pod,
      String container,
      InPodProbe.Tool tool,
      ProbeTarget target,
      Optional<InPodProbe.IdentityFiles> files)
      implements ProbeRoute {
    @Override
    public String describe() {
      return "From inside "
          + namespace
          + "/"
          + pod
          + " container "
          + container
          + " with "
          + tool.name().toLowerCase(java.util.Locale.ROOT)
          + files.map(f -> ", identity files " + f.certChain() + " and " + f.key()).orElse("");
    }
  }
}
