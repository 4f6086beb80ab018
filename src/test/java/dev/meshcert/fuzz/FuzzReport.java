package dev.meshcert.fuzz;

import java.util.Comparator;
import java.util.Locale;

/** The run's numbers as text, for target/fuzz/report.txt and the failure message. */
final class FuzzReport {

  private FuzzReport() {}

  static String text(FuzzRunner.Config config, FuzzRunner.Result r) {
    StringBuilder b = new StringBuilder();
    b.append(
        f(
            "seed %d, %d mutants asked%s, timeout %d ms per call, budget %d s%n",
            config.seed(),
            config.iterations(),
            config.only() >= 0 ? " (only mutant " + config.only() + ")" : "",
            config.timeout().toMillis(),
            config.budget().toSeconds()));
    boolean cut = r.mutants() < config.iterations() && config.only() < 0;
    b.append(
        f(
            "%d inputs (%d seeds as they are, %d mutants%s; %.1f MiB) in %.1f s%n",
            r.inputs(),
            r.inputs() - r.mutants(),
            r.mutants(),
            cut ? ", stopped by the time budget or failures" : "",
            r.bytes() / 1048576.0,
            r.elapsed().toMillis() / 1000.0));
    b.append(
        f(
            "%d calls over 1 s of wall-clock time, %d over 1 s of CPU time%n",
            r.callsOverOneSecond(), r.callsOverOneCpuSecond()));
    for (FuzzRunner.Timing t : r.callsOverOneSecondListed()) {
      b.append("  over 1 s: ").append(t.target()).append(", ").append(line(t)).append('\n');
    }
    b.append(
        f(
            "heap in use: at most %.0f MiB after an input (garbage included), %.0f MiB after a"
                + " full GC at the end; -Xmx %.0f MiB%n",
            r.maxHeapInUseBytes() / 1048576.0,
            r.heapAfterGcBytes() / 1048576.0,
            r.maxHeapBytes() / 1048576.0));
    if (r.slowestInput() != null) {
      b.append("slowest input (all targets): ").append(line(r.slowestInput())).append('\n');
    }
    if (r.slowestCpu() != null) {
      b.append("most CPU in one call: ")
          .append(r.slowestCpu().target())
          .append(", ")
          .append(line(r.slowestCpu()))
          .append('\n');
    }
    b.append("slowest call per target (time in all calls):\n");
    r.slowestPerTarget().values().stream()
        .sorted(Comparator.comparingLong(FuzzRunner.Timing::nanos).reversed())
        .forEach(
            t ->
                b.append(
                        f(
                            "  %s (%.1f s): ",
                            t.target(), r.totalNanosPerTarget().get(t.target()) / 1e9))
                    .append(line(t))
                    .append('\n'));
    b.append(r.failures().size()).append(" failures\n");
    for (FuzzRunner.Failure fail : r.failures()) {
      b.append("  ")
          .append(fail.input())
          .append(" in ")
          .append(fail.target())
          .append(": ")
          .append(fail.error())
          .append("\n    recipe: ")
          .append(fail.recipe())
          .append("\n    saved: ")
          .append(fail.saved())
          .append('\n');
    }
    return b.toString();
  }

  private static String line(FuzzRunner.Timing t) {
    return f(
        "%.1f ms (CPU %.1f ms), %s (%d bytes): %s",
        t.nanos() / 1e6, t.cpuNanos() / 1e6, t.input(), t.size(), t.recipe());
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
