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

  /** This result with {@code notes} (route, identity) put before the transcript. */
  public ProbeResult withNotes(List<String> notes) {
    List<TranscriptLine> lines = new java.util.ArrayList<>();
    notes.forEach(n -> lines.add(new TranscriptLine(TranscriptLine.Kind.INFO, n)));
    lines.addAll(transcript);
    return new ProbeResult(experiment, target, outcome, lines, handshake, http, elapsed, reproduce);
  }

  /** This result judged again: another outcome, with a line saying why. */
  public ProbeResult withOutcome(Outcome newOutcome, String why) {
    List<TranscriptLine> lines = new java.util.ArrayList<>(transcript);
    lines.add(new TranscriptLine(TranscriptLine.Kind.INFO, why));
    lines.add(new TranscriptLine(TranscriptLine.Kind.INFO, "Outcome: " + newOutcome.title()));
    return new ProbeResult(
        experiment, target, newOutcome, lines, handshake, http, elapsed, reproduce);
  }

  /** The transcript as text, one line each. */
  public String transcriptText() {
    StringBuilder b = new StringBuilder();
    transcript.forEach(l -> b.append(l).append('\n'));
    return b.toString();
  }
}
