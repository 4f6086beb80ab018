package dev.meshcert.probe;

import java.time.Duration;
import java.util.List;

/**
 * Runs a fixed command in a container of a pod and returns what it printed. Implemented over
 * Kubernetes exec by {@code kube}; the probe only ever passes the read-only commands built by
 * {@link InPodProbe}.
 */
@FunctionalInterface
public interface PodCommandRunner {

  /**
   * @param namespace the pod's namespace
   * @param pod the pod's name
   * @param container the container to run in
   * @param command the command and its arguments, no shell
   * @param timeout how long the command may run
   * @return its exit code and output
   * @throws java.io.IOException when the command could not be run at all (exec forbidden, pod gone,
   *     connection dropped); the message says which
   */
  Result run(String namespace, String pod, String container, List<String> command, Duration timeout)
      throws java.io.IOException;

  /** What a command printed: exit code, standard output and standard error. */
  record Result(int exitCode, String stdout, String stderr) {}
}
