package dev.meshcert.ui.probe;

import dev.meshcert.probe.Outcome;
import dev.meshcert.probe.ProbeResult;

/**
 * One row of the result matrix.
 *
 * @param experiment "plain HTTP", "TLS without a client certificate", ...
 * @param outcome what happened
 * @param transcript the transcript as {@code curl -v} shows it
 * @param reproduce the curl and openssl commands that repeat it
 * @param mark the CSS pseudo-class of the row: "success", "refused" (an expected refusal that shows
 *     enforcement), "failure" or "cancelled"
 * @param result the result the row shows, for its evidence card
 */
public record ResultRow(
    String experiment,
    Outcome outcome,
    String transcript,
    String reproduce,
    String mark,
    ProbeResult result) {

  static ResultRow of(ProbeResult r) {
    return new ResultRow(
        r.experiment().label(),
        r.outcome(),
        r.transcriptText(),
        r.reproduce(),
        mark(r.outcome()),
        r);
  }

  static String mark(Outcome o) {
    return switch (o) {
      case MUTUAL_TLS_ESTABLISHED,
          MESH_MTLS_CONFIRMED,
          PLAIN_TEXT_ACCEPTED,
          TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED ->
          "success";
      case PLAIN_TEXT_REFUSED, CLIENT_CERTIFICATE_REQUIRED, NOT_TLS -> "refused";
      case CANCELLED -> "cancelled";
      default -> "failure";
    };
  }

  /** The outcome's one-line title. */
  public String title() {
    return outcome.title();
  }

  /** What the outcome means and what to try. */
  public String explanation() {
    return outcome.explanation();
  }
}
