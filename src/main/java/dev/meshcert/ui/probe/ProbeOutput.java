package dev.meshcert.ui.probe;

import dev.meshcert.probe.ProbeResult;
import java.util.List;

/**
 * What a probe showed: one result per experiment run, and the verdict in words.
 *
 * @param results in experiment order
 * @param verdict what they say together
 */
public record ProbeOutput(List<ProbeResult> results, String verdict) {
  public ProbeOutput {
    results = List.copyOf(results);
  }
}
