package dev.meshcert.app;

import java.lang.management.ThreadInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a thread was during a stall, from samples of its stack, for {@link StallProbe}. Each sample
 * is keyed by its anchor: the innermost method of our own code or of a control's skin (which says
 * what part of the scene was being laid out), else its top method. The summary counts the thread
 * states and the anchors, with one stack for each of the most frequent anchors (the top twelve
 * methods, then only ours and the skins'). Code locations and thread states only.
 */
final class StackSamples {
  private StackSamples() {}

  /** One sample: the thread's state, its anchor and its stack as text. */
  record Sample(String state, String anchor, String stack) {}

  static Sample of(ThreadInfo info) {
    StackTraceElement[] frames = info.getStackTrace();
    String anchor = frames.length == 0 ? "(no frame)" : method(frames[0]);
    for (StackTraceElement f : frames) {
      if (own(f) || skin(f)) {
        anchor = method(f);
        break;
      }
    }
    StringBuilder b = new StringBuilder();
    int ours = 0;
    for (int i = 0; i < frames.length && b.length() < 3000; i++) {
      StackTraceElement f = frames[i];
      if (i < 12 || own(f) || skin(f)) {
        b.append("      at ").append(method(f)).append('\n');
        if (own(f) && ++ours >= 6) {
          break;
        }
      }
    }
    return new Sample(info.getThreadState().toString(), anchor, b.toString());
  }

  /** The states, then the {@code top} most frequent anchors, each with one of its stacks. */
  static String summary(List<Sample> samples, int top) {
    if (samples.isEmpty()) {
      return "  (no sample: the stall ended before the first)";
    }
    Map<String, Long> states =
        samples.stream()
            .collect(Collectors.groupingBy(Sample::state, TreeMap::new, Collectors.counting()));
    Map<String, List<Sample>> anchors =
        samples.stream()
            .collect(
                Collectors.groupingBy(Sample::anchor, LinkedHashMap::new, Collectors.toList()));
    StringBuilder b = new StringBuilder("  ").append(samples.size()).append(" samples:");
    states.forEach((s, n) -> b.append(' ').append(s).append(' ').append(n));
    anchors.entrySet().stream()
        .sorted((x, y) -> y.getValue().size() - x.getValue().size())
        .limit(top)
        .forEach(
            e ->
                b.append("\n    ")
                    .append(e.getValue().size())
                    .append(" in ")
                    .append(e.getKey())
                    .append(", e.g.:\n")
                    .append(e.getValue().get(0).stack().stripTrailing()));
    return b.toString();
  }

  private static String method(StackTraceElement f) {
    return f.getClassName() + "." + f.getMethodName();
  }

  private static boolean own(StackTraceElement f) {
    return f.getClassName().startsWith("dev.meshcert");
  }

  private static boolean skin(StackTraceElement f) {
    String c = f.getClassName();
    return c.startsWith("javafx.scene.control.skin.") && !c.contains("$");
  }
}
