package dev.meshcert.probe;

import java.util.ArrayList;
import java.util.List;

/** Collects transcript lines for one probe; confined to the probe's thread. */
final class Transcript {
  private final List<TranscriptLine> lines = new ArrayList<>();

  void info(String text) {
    lines.add(new TranscriptLine(TranscriptLine.Kind.INFO, text));
  }

  void sent(String text) {
    lines.add(new TranscriptLine(TranscriptLine.Kind.SENT, text));
  }

  void received(String text) {
    lines.add(new TranscriptLine(TranscriptLine.Kind.RECEIVED, text));
  }

  void error(String text) {
    lines.add(new TranscriptLine(TranscriptLine.Kind.ERROR, text));
  }

  List<TranscriptLine> lines() {
    return List.copyOf(lines);
  }
}
