package dev.meshcert.probe;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.ProbeExec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs the probe's fixed commands in a live cluster's pods over Kubernetes exec ({@link
 * ProbeExec}). Cancelling the {@link Cancellation} ends a command in flight.
 */
public final class ExecCommandRunner implements PodCommandRunner {
  private final ProbeExec access;
  private final Cancellation cancellation;

  public ExecCommandRunner(ProbeExec access, Cancellation cancellation) {
    this.access = access;
    this.cancellation = cancellation;
  }

  @Override
  public Result run(
      String namespace, String pod, String container, List<String> command, Duration timeout)
      throws IOException {
    try {
      ProbeExec.ExecResult r =
          access.exec(namespace, pod, container, command, timeout, cancellation);
      return new Result(r.exitCode(), r.stdout(), r.stderr());
    } catch (KubeException e) {
      throw new PodCommandException(e);
    }
  }

  /** Exec itself failed; {@link #kubeException()} says how (forbidden, timeout, ...). */
  public static final class PodCommandException extends IOException {
    private static final long serialVersionUID = 1L;

    PodCommandException(KubeException cause) {
      super(cause.getMessage(), cause);
    }

    /** The typed failure. */
    public KubeException kubeException() {
      return (KubeException) getCause();
    }
  }
}
