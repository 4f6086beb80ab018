package dev.meshcert.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The exit code read from the exec status channel (channel 3). */
class PodExecStatusTest {

  private static int exit(String status) {
    return PodExec.exitCode(status.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void successIsExitZero() {
    assertEquals(0, exit("{\"metadata\":{},\"status\":\"Success\"}"));
  }

  @Test
  void nonZeroExitCodeIsReadFromItsCause() {
    assertEquals(
        56,
        exit(
            "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero"
                + " exit code: exit code 56\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":"
                + "[{\"reason\":\"ExitCode\",\"message\":\"56\"}]}}"));
  }

  @Test
  void silentStatusChannelMeansTheStreamWasCut() {
    assertEquals(-1, exit(""));
  }

  @Test
  void garbledStatusIsNoExitCode() {
    assertEquals(-1, exit("{\"status\":"));
  }

  @Test
  void failureWithoutAnExitCodeIsNoExitCode() {
    assertEquals(
        -1,
        exit(
            "{\"status\":\"Failure\",\"reason\":\"InternalError\",\"message\":\"container gone\"}"));
  }

  @Test
  void failureWithoutAnExitCodeKeepsTheRuntimesReasonAndMessage() {
    ExecStatus s =
        ExecStatus.of(
            "{\"status\":\"Failure\",\"reason\":\"InternalError\",\"message\":\"container gone\"}"
                .getBytes(StandardCharsets.UTF_8));

    assertEquals(new ExecStatus(-1, "InternalError", "container gone"), s);
    assertTrue(s.failedWithoutExitCode());
  }

  @Test
  void silentChannelIsNoFailureReport() {
    assertFalse(ExecStatus.of(new byte[0]).failedWithoutExitCode());
  }

  @Test
  void nonZeroExitIsNoFailureReport() {
    assertFalse(
        ExecStatus.of(
                ("{\"status\":\"Failure\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":"
                        + "[{\"reason\":\"ExitCode\",\"message\":\"2\"}]}}")
                    .getBytes(StandardCharsets.UTF_8))
            .failedWithoutExitCode());
  }
}
