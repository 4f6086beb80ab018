package dev.meshcert.kube;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The probe's way into a live cluster's pods: run a diagnostic tool ({@code curl}, {@code openssl},
 * {@code cat}: nothing else is accepted) in a container and read both output streams and the exit
 * code, which the tools' verbose diagnostics need ({@code curl -v} writes to stderr and exits
 * non-zero on a reset). Has a timeout and honours the {@link Cancellation}; writes nothing to the
 * cluster beyond creating the exec subresource, which is how Kubernetes spells "connect".
 */
public final class ProbeExec {

  /**
   * The executables the probe may run; anything else, and these with other arguments than the
   * probe's ({@link ReadOnlyCommands#allows}), is refused before a request is sent.
   */
  public static final Set<String> ALLOWED_TOOLS = ReadOnlyCommands.PROBE_TOOLS;

  private static final int MAX_STDERR = 1024 * 1024;

  private final ApiCalls calls;
  private final Supplier<Failures.Caller> caller;

  ProbeExec(ApiCalls calls, Supplier<Failures.Caller> caller) {
    this.calls = calls;
    this.caller = caller;
  }

  /** What a command printed: its exit code and both streams as text. */
  public record ExecResult(int exitCode, String stdout, String stderr) {}

  /**
   * Runs {@code command} in {@code container} of {@code namespace/pod}.
   *
   * @throws KubeException when the command could not be run (forbidden, pod or container gone,
   *     timeout, cancelled, not an allowed tool); a command that ran and failed is an {@link
   *     ExecResult} with its exit code
   */
  public ExecResult exec(
      String namespace,
      String pod,
      String container,
      List<String> command,
      Duration timeout,
      Cancellation cancellation)
      throws KubeException {
    Operation op = PodExec.operation(namespace);
    if (command.isEmpty()
        || !ALLOWED_TOOLS.contains(command.get(0))
        || !ReadOnlyCommands.allows(command)) {
      throw new KubeException(
          new KubeFailure.NotSupported(
              "running " + (command.isEmpty() ? "nothing" : command.get(0)) + " in a pod",
              "only " + String.join(", ", ALLOWED_TOOLS.stream().sorted().toList()) + " are run"));
    }
    Failures.Caller who = caller.get();
    PodExec.Output o =
        PodExec.execute(
            calls,
            namespace,
            pod,
            container,
            command.toArray(String[]::new),
            timeout,
            cancellation,
            who,
            MAX_STDERR);
    if (o.connectionError() != null && o.stdout().length == 0 && o.stderr().length == 0) {
      throw PodExec.connectionFailure(o.connectionError(), op, who);
    }
    if (o.cut()) {
      throw PodExec.cutFailure(o, op, who, namespace + "/" + pod, container, command);
    }
    return new ExecResult(
        o.exitCode(),
        new String(o.stdout(), StandardCharsets.UTF_8),
        new String(o.stderr(), StandardCharsets.UTF_8));
  }
}
