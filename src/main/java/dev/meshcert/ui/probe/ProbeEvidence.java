package dev.meshcert.ui.probe;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.probe.Handshake;
import dev.meshcert.probe.ProbeResult;
import dev.meshcert.probe.TranscriptLine;
import dev.meshcert.ui.common.Messages;
import dev.meshcert.ui.common.report.Evidence;
import dev.meshcert.ui.common.report.Report;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Evidence cards and reports of probe results: the target and route, the experiment and its outcome
 * with what it means, the verdict of the whole run, the peer's chain, the commands that repeat it
 * and the start of the transcript. Pure formatting, no JavaFX; the window redacts the cards before
 * they leave.
 */
public final class ProbeEvidence {

  /** Transcript lines kept in a card; the rest is left to "Copy transcript". */
  static final int EXCERPT_LINES = 40;

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Messages messages;

  /**
   * @param messages the probe panel's texts ({@link ProbeScreen#messages})
   */
  public ProbeEvidence(Messages messages) {
    this.messages = messages;
  }

  /**
   * The card of one result.
   *
   * @param request what the panel asked for
   * @param result one experiment's result
   * @param verdict what the run's results say together
   * @param at when the result arrived
   */
  public Evidence card(ProbeRequest request, ProbeResult result, String verdict, Instant at) {
    List<Evidence.Fact> facts = new ArrayList<>();
    String target = request.target();
    String connected = result.target().authority();
    fact(
        facts, "probe.target", target.equals(connected) ? target : target + " (" + connected + ")");
    fact(facts, "probe.route", messages.get("probe.route." + request.route().name()));
    if (usesSourcePod(request)) {
      request.sourcePod().ifPresent(p -> fact(facts, "probe.source", p));
    }
    fact(facts, "probe.identity", identity(request));
    fact(facts, "probe.evidence.experiment", result.experiment().label());
    fact(facts, "probe.evidence.meaning", result.outcome().explanation());
    if (!verdict.isBlank()) {
      fact(facts, "probe.evidence.verdict", verdict);
    }
    result.handshake().ifPresent(h -> handshake(facts, h));
    result.http().ifPresent(h -> fact(facts, "probe.evidence.http", h.statusLine()));
    fact(facts, "probe.evidence.elapsed", result.elapsed().toMillis() + " ms");
    return new Evidence(
        messages.get("probe.evidence.title", target, result.experiment().label()),
        tone(ResultRow.mark(result.outcome())),
        result.outcome().title(),
        facts,
        List.of(),
        result.reproduce(),
        at,
        excerpt(result.transcript()));
  }

  /**
   * Every result of a run as a report, with the peer certificates on the expiry timeline.
   *
   * @param results the run's results, in experiment order
   */
  public Report report(
      ProbeRequest request, List<ProbeResult> results, String verdict, Instant at) {
    List<Evidence> cards = results.stream().map(r -> card(request, r, verdict, at)).toList();
    Map<String, CertificateFacts> peers = new LinkedHashMap<>();
    results.stream()
        .flatMap(r -> r.handshake().stream())
        .flatMap(h -> h.serverChain().stream())
        .forEach(c -> peers.putIfAbsent(c.sha256(), c));
    List<Report.TimelineEntry> timeline =
        peers.values().stream()
            .map(
                c ->
                    new Report.TimelineEntry(
                        c.displayName(), c.notBefore(), c.notAfter(), validity(c, at)))
            .toList();
    return new Report(
        messages.get("probe.evidence.report", request.target(), verdict), at, cards, timeline);
  }

  private void handshake(List<Evidence.Fact> facts, Handshake h) {
    if (!h.protocol().isBlank()) {
      String alpn = h.alpnChosen().map(a -> ", ALPN " + a).orElse("");
      fact(facts, "probe.evidence.tls", h.protocol() + ", " + h.cipherSuite() + alpn);
    }
    h.serverName().ifPresent(s -> fact(facts, "probe.sni", s));
    if (!h.serverChain().isEmpty()) {
      fact(
          facts,
          "probe.evidence.chain",
          h.serverChain().stream().map(this::chainLine).collect(Collectors.joining("\n")));
      CertificateFacts leaf = h.serverChain().get(0);
      fact(facts, "probe.evidence.serial", leaf.serialHex().toUpperCase(Locale.ROOT));
      fact(facts, "probe.evidence.sha256", leaf.sha256());
    }
    fact(
        facts,
        "probe.evidence.verification",
        messages.get(
            "probe.evidence.verification." + h.verification().status().name(),
            h.verification().detail()));
    String client =
        !h.clientCertificateRequested()
            ? messages.get("probe.evidence.client.notRequested")
            : h.clientCertificateSent()
                ? messages.get("probe.evidence.client.sent")
                : messages.get("probe.evidence.client.notSent");
    fact(facts, "probe.evidence.client", client);
    if (!h.acceptedIssuers().isEmpty()) {
      fact(facts, "probe.evidence.issuers", String.join("\n", h.acceptedIssuers()));
    }
  }

  private String chainLine(CertificateFacts c) {
    String name = c.spiffeUri().orElse(c.displayName());
    return messages.get("probe.evidence.chain.line", name, UTC.format(c.notAfter()));
  }

  private void fact(List<Evidence.Fact> facts, String key, String value) {
    facts.add(new Evidence.Fact(messages.get(key), value.isBlank() ? "\u2014" : value.strip()));
  }

  private String identity(ProbeRequest request) {
    String kind = messages.get("probe.identity." + request.identity().name());
    return request.identity() == ProbeRequest.IdentityKind.MINT && request.spiffeId().isPresent()
        ? kind + ": " + request.spiffeId().get()
        : kind;
  }

  private static boolean usesSourcePod(ProbeRequest r) {
    return r.route() == ProbeRequest.Route.IN_POD
        || r.route() == ProbeRequest.Route.THROUGH_MESH
        || r.identity() == ProbeRequest.IdentityKind.POD_FILES
        || r.identity() == ProbeRequest.IdentityKind.DEMO_WORKLOAD;
  }

  private Optional<Evidence.Excerpt> excerpt(List<TranscriptLine> lines) {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String label =
        lines.size() <= EXCERPT_LINES
            ? messages.get("probe.evidence.transcript")
            : messages.get("probe.evidence.transcript.part", EXCERPT_LINES, lines.size());
    String text =
        lines.stream()
            .limit(EXCERPT_LINES)
            .map(TranscriptLine::toString)
            .collect(Collectors.joining("\n"));
    return Optional.of(new Evidence.Excerpt(label, text));
  }

  /** The tone of a row's mark: an expected refusal shows enforcement, so it is fine. */
  static Evidence.Tone tone(String mark) {
    return switch (mark) {
      case "success", "refused" -> Evidence.Tone.OK;
      case "cancelled" -> Evidence.Tone.WARNING;
      default -> Evidence.Tone.ERROR;
    };
  }

  private static Evidence.Tone validity(CertificateFacts c, Instant at) {
    return at.isBefore(c.notBefore()) || at.isAfter(c.notAfter())
        ? Evidence.Tone.ERROR
        : Evidence.Tone.OK;
  }
}
