package dev.meshcert.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a person reads for a {@link KubeFailure.ExecFailed}: the runtime's message sorted into the
 * causes it names (the program is not in the image, the container is not running, anything else),
 * each with what to try and the {@code kubectl exec} that reproduces it.
 */
final class ExecFailureText {

  private ExecFailureText() {}

  /** The causes told apart. */
  enum Cause {
    /** The runtime found no such program in the container's image. */
    NO_PROGRAM,
    /** The container has stopped, is restarting or is gone. */
    NOT_RUNNING,
    /** Another refusal of the runtime or the kubelet. */
    OTHER
  }

  static Cause cause(String detail) {
    String d = detail.toLowerCase(Locale.ROOT);
    if (d.contains("executable file not found")
        || d.contains("no such file or directory")
        || d.contains("not found in $path")) {
      return Cause.NO_PROGRAM;
    }
    if (d.contains("container not found")
        || d.contains("not running")
        || d.contains("container_exited")
        || d.contains("is terminated")
        || d.contains("cannot exec in a stopped")) {
      return Cause.NOT_RUNNING;
    }
    return Cause.OTHER;
  }

  static String title(KubeFailure.ExecFailed f) {
    String where = "container " + f.container() + " of pod " + f.pod();
    return switch (cause(f.detail())) {
      case NO_PROGRAM ->
          program(f) + " could not be run in " + where + ": the image does not have it";
      case NOT_RUNNING ->
          program(f) + " could not be run in " + where + ": the container is not running";
      case OTHER ->
          "The container runtime could not run "
              + program(f)
              + " in "
              + where
              + (f.reason().isBlank() ? "" : " (" + f.reason() + ")")
              + ": "
              + firstLine(f.detail());
    };
  }

  static List<String> hints(KubeFailure.ExecFailed f) {
    List<String> hints = new ArrayList<>();
    switch (cause(f.detail())) {
      case NO_PROGRAM -> {
        hints.add(
            "Minimal and distroless images have no shell, ls or cat: read the certificates another"
                + " way (the Envoy admin port, istioctl proxy-config secret)");
        hints.add(
            "Check that "
                + f.container()
                + " is the container meant (kubectl get pod -o"
                + " jsonpath='{.spec.containers[*].name}')");
      }
      case NOT_RUNNING -> {
        hints.add(
            "Check the container: kubectl describe pod -n "
                + namespace(f)
                + " "
                + name(f)
                + " (restarts, CrashLoopBackOff, OOMKilled)");
        hints.add("Try again once it runs; a pod being replaced has a successor to read instead");
      }
      case OTHER ->
          hints.add(
              "If it persists, look at the node's container runtime (kubectl describe node, the"
                  + " kubelet's log)");
    }
    hints.add("Reproduce it: " + kubectlExec(f));
    return List.copyOf(hints);
  }

  /** The {@code kubectl exec} that runs the same command. */
  static String kubectlExec(KubeFailure.ExecFailed f) {
    return "kubectl exec -n "
        + namespace(f)
        + " "
        + name(f)
        + " -c "
        + f.container()
        + " -- "
        + String.join(" ", f.command());
  }

  private static String program(KubeFailure.ExecFailed f) {
    return f.command().isEmpty() ? "The command" : f.command().get(0);
  }

  private static String namespace(KubeFailure.ExecFailed f) {
    int slash = f.pod().indexOf('/');
    return slash < 0 ? "default" : f.pod().substring(0, slash);
  }

  private static String name(KubeFailure.ExecFailed f) {
    return f.pod().substring(f.pod().indexOf('/') + 1);
  }

  private static String firstLine(String detail) {
    String line = detail.strip().lines().findFirst().orElse("");
    return line.isEmpty() ? "no message" : line;
  }
}
