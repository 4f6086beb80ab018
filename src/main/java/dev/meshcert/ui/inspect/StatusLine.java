package dev.meshcert.ui.inspect;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.expiry.ExpiryState;
import dev.meshcert.ui.common.Messages;
import java.util.Map;
import java.util.stream.Collectors;

/** The idle status line: what is loaded, how much is expired, what the filter shows. */
final class StatusLine {

  private final Messages messages;

  StatusLine(Messages messages) {
    this.messages = messages;
  }

  /**
   * @param sources how many sources are loaded
   * @param filtering whether a filter is set
   * @param shownSources how many sources the filter lets through
   */
  String of(int sources, Analysis analysis, boolean filtering, int shownSources) {
    if (sources == 0) {
      return messages.get("status.empty");
    }
    Map<ExpiryState, Long> states =
        analysis.certificates().stream()
            .collect(Collectors.groupingBy(r -> r.expiry().state(), Collectors.counting()));
    String summary =
        messages.get(
            "status.summary",
            sources,
            analysis.certificates().size(),
            states.getOrDefault(ExpiryState.EXPIRED, 0L),
            states.getOrDefault(ExpiryState.EXPIRING, 0L),
            states.getOrDefault(ExpiryState.NOT_YET_VALID, 0L));
    return filtering ? messages.get("status.filtered", summary, shownSources) : summary;
  }
}
