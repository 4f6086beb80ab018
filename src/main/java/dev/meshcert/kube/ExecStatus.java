package dev.meshcert.kube;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Status;
import io.kubernetes.client.openapi.models.V1StatusCause;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What an exec's status channel (3) said when the command ended: one JSON {@code Status}.
 *
 * @param exitCode 0 for Success, the ExitCode cause of NonZeroExitCode, else {@link
 *     PodExec#NO_EXIT_STATUS}
 * @param reason the Status reason ("InternalError"), "" when there was no Status
 * @param message the Status message of a failure without an exit code (the runtime's own words), ""
 *     when the channel was silent, garbled or gave an exit code
 */
record ExecStatus(int exitCode, String reason, String message) {

  /** Nothing arrived (the stream was cut) or nothing readable. */
  static final ExecStatus SILENT = new ExecStatus(PodExec.NO_EXIT_STATUS, "", "");

  private static final JSON STATUS_JSON = new JSON();

  /** Whether the runtime reported a failure and no exit code. */
  boolean failedWithoutExitCode() {
    return exitCode == PodExec.NO_EXIT_STATUS && !message.isBlank();
  }

  /** Reads what the channel carried. */
  static ExecStatus of(byte[] status) {
    String body = new String(status, StandardCharsets.UTF_8).strip();
    if (body.isEmpty()) {
      return SILENT;
    }
    try {
      V1Status s = STATUS_JSON.deserialize(body, V1Status.class);
      if (s == null) {
        return SILENT;
      }
      String reason = Optional.ofNullable(s.getReason()).orElse("");
      if ("Success".equals(s.getStatus())) {
        return new ExecStatus(0, reason, "");
      }
      if ("NonZeroExitCode".equals(s.getReason()) && s.getDetails() != null) {
        for (V1StatusCause c : Optional.ofNullable(s.getDetails().getCauses()).orElse(List.of())) {
          if ("ExitCode".equals(c.getReason()) && c.getMessage() != null) {
            return new ExecStatus(Integer.parseInt(c.getMessage().strip()), reason, "");
          }
        }
      }
      String message = Optional.ofNullable(s.getMessage()).orElse("").strip();
      return new ExecStatus(PodExec.NO_EXIT_STATUS, reason, message.isEmpty() ? reason : message);
    } catch (RuntimeException notAStatus) {
      // a status the server garbled is no exit code
      return SILENT;
    }
  }
}
