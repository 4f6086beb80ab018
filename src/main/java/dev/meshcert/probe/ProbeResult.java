package dev.meshcert.probe;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result of one experiment against one target.
 *
 * @param experiment which experiment ran
 * @param target where it went
 * @param outcome what it means
 * @param transcript what happened, line by line, like {@code curl -v}
 * @param handshake the TLS handshake, when one was attempted
 * @param http the HTTP exchange, when a response arrived
 * @param elapsed wall time of the whole probe
 * @param reproduce the equivalent curl or openssl command to copy
 */
public record ProbeResult(
    Experiment experiment,
    ProbeTarget target,
    Outcome outcome,
    List<TranscriptLine> transcript,
    Optional<Handshake> handshake,
    Optional<HttpExchange> http,
    Duration elapsed,
    String reproduce) {

  public ProbeResult {
    transcript = List.copyOf(transcript);
  }

  /** The transcript as text, one line each. */
  public String transcriptText() {
    StringBuilder b = new StringBuilder();
    transcript.forEach(l -> b.append(l).append('\n'));
    return b.toString();
  }
}
