package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a person reads when the container runtime could not run an exec's command. */
class ExecFailureTextTest {

  private static KubeFailure.ExecFailed failed(String reason, String message) {
    return new KubeFailure.ExecFailed(
        new Operation("create", "pods/exec", Optional.of("bookinfo")),
        "bookinfo/reviews-v1-abc",
        "istio-proxy",
        List.of("pilot-agent", "request", "GET", "config_dump"),
        reason,
        message);
  }

  @Test
  void missingProgramIsNamedWithTheContainer() {
    KubeFailure.ExecFailed f =
        failed("InternalError", "exec: \"pilot-agent\": executable file not found in $PATH");

    assertEquals(
        "pilot-agent could not be run in container istio-proxy of pod bookinfo/reviews-v1-abc:"
            + " the image does not have it",
        f.title());
    assertTrue(f.hints().get(0).contains("distroless"), f.hints().toString());
  }

  @Test
  void stoppedContainerPointsAtDescribePod() {
    KubeFailure.ExecFailed f = failed("InternalError", "cannot exec in a stopped state: unknown");

    assertTrue(f.title().endsWith("the container is not running"), f.title());
    assertEquals(
        "Check the container: kubectl describe pod -n bookinfo reviews-v1-abc (restarts,"
            + " CrashLoopBackOff, OOMKilled)",
        f.hints().get(0));
  }

  @Test
  void otherRefusalCarriesTheReasonAndTheRuntimesFirstLine() {
    KubeFailure.ExecFailed f = failed("InternalError", "error sending request: EOF\nmore");

    assertEquals(
        "The container runtime could not run pilot-agent in container istio-proxy of pod"
            + " bookinfo/reviews-v1-abc (InternalError): error sending request: EOF",
        f.title());
  }

  @Test
  void everyCauseEndsWithTheKubectlExecThatReproducesIt() {
    assertEquals(
        "Reproduce it: kubectl exec -n bookinfo reviews-v1-abc -c istio-proxy -- pilot-agent"
            + " request GET config_dump",
        failed("", "whatever").hints().get(1));
  }
}
