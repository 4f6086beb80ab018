package dev.meshcert.guarantees;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX application thread is kept busy: a daemon thread posts a probe with
 * {@link Platform#runLater} every {@code intervalMillis} (one in flight at a time) and records how
 * long each waited before it ran. The longest wait is the longest stall a user would feel as a
 * frozen window (give or take the interval). Measures, never asserts: timings on a shared machine
 * are not a test verdict.
 */
final class FxPulseMonitor implements AutoCloseable {

  /**
   * What was measured. Times in milliseconds; {@code longestCpuMillis} is the CPU time the FX
   * thread itself used during the longest stall, and {@code maxCpuMillis} the most it used during
   * any one stall: on a loaded machine a stall is also the time the thread waited for a core.
   */
  record Report(
      int probes,
      double maxMillis,
      double p99Millis,
      double medianMillis,
      int over100,
      double longestCpuMillis,
      double maxCpuMillis,
      String over100Text) {
    String text() {
      return String.format(
          Locale.ROOT,
          "%d probes; longest FX-thread stall %.0f ms (FX thread CPU in it %.0f ms), 99th"
              + " percentile %.0f ms, median %.1f ms; %d stalls over 100 ms%s; most FX-thread CPU"
              + " in one stall %.0f ms",
          probes,
          maxMillis,
          longestCpuMillis,
          p99Millis,
          medianMillis,
          over100,
          over100Text,
          maxCpuMillis);
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private final long intervalMillis;

  /** How long a probe waits before the FX thread's stack is sampled (every 10 ms after that). */
  private static final long SAMPLE_AFTER_NANOS =
      Long.getLong("fxpulse.sampleAfterMillis", 100) * 1_000_000L;

  private final List<Double> waits = Collections.synchronizedList(new ArrayList<>());

  /** Every stall over 100 ms: its wall time and the FX thread's CPU time in it, in order. */
  private final List<double[]> longStalls = Collections.synchronizedList(new ArrayList<>());

  private final Thread thread;
  private volatile boolean running = true;
  private volatile double longest;
  private volatile double longestCpu;
  private volatile double maxCpu;
  private volatile long fxThreadId = -1;
  private volatile List<String> longestSamples = List.of();

  FxPulseMonitor(long intervalMillis) {
    this.intervalMillis = intervalMillis;
    thread = new Thread(this::loop, "fx-pulse-monitor");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      long posted = System.nanoTime();
      long cpuAtPost = fxThreadId < 0 ? -1 : THREADS.getThreadCpuTime(fxThreadId);
      Object done = new Object();
      boolean[] ran = {false};
      double[] cpu = {0};
      Platform.runLater(
          () -> {
            waits.add((System.nanoTime() - posted) / 1e6);
            fxThreadId = Thread.currentThread().getId();
            if (cpuAtPost >= 0) {
              cpu[0] = (THREADS.getCurrentThreadCpuTime() - cpuAtPost) / 1e6;
            }
            synchronized (done) {
              ran[0] = true;
              done.notifyAll();
            }
          });
      List<String> samples = new ArrayList<>();
      synchronized (done) {
        while (!ran[0] && running) {
          try {
            done.wait(SAMPLE_AFTER_NANOS < 100_000_000L ? 10 : 50);
          } catch (InterruptedException e) {
            return;
          }
          if (!ran[0] && System.nanoTime() - posted > SAMPLE_AFTER_NANOS && samples.size() < 40) {
            samples.add(fxStack());
          }
        }
      }
      double wait = (System.nanoTime() - posted) / 1e6;
      if (wait > 100) {
        longStalls.add(new double[] {wait, cpu[0]});
      }
      synchronized (done) {
        if (wait > longest) {
          longest = wait;
          longestCpu = cpu[0];
          longestSamples = List.copyOf(samples);
        }
        maxCpu = Math.max(maxCpu, cpu[0]);
      }
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Forgets what was measured so far (the warm-up). */
  void reset() {
    waits.clear();
    longStalls.clear();
    longest = 0;
    longestCpu = 0;
    maxCpu = 0;
    longestSamples = List.of();
  }

  /**
   * Where the FX thread was during the longest stall: the most frequent of the top frames of our
   * own code, sampled every 50 ms once the stall passed 100 ms.
   */
  String longestStallStacks() {
    java.util.Map<String, Long> counts =
        longestSamples.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    x -> x, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    StringBuilder b = new StringBuilder();
    counts.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(3)
        .forEach(e -> b.append(e.getValue()).append(" samples:\n").append(e.getKey()));
    return b.toString();
  }

  /** A frame of a control's skin or a cell: which part of the scene is being laid out. */
  private static boolean control(StackTraceElement f) {
    String c = f.getClassName();
    return c.startsWith("javafx.scene.control.skin.") && !c.contains("$");
  }

  private static String fxStack() {
    for (java.util.Map.Entry<Thread, StackTraceElement[]> e :
        Thread.getAllStackTraces().entrySet()) {
      if (e.getKey().getName().equals("JavaFX Application Thread")) {
        StringBuilder b = new StringBuilder("    state " + e.getKey().getState() + "\n");
        int ours = 0;
        StackTraceElement[] frames = e.getValue();
        for (int i = 0; i < frames.length; i++) {
          StackTraceElement f = frames[i];
          if (i < 12 || f.getClassName().startsWith("dev.meshcert") || control(f)) {
            b.append("    at ").append(f).append('\n');
            if (f.getClassName().startsWith("dev.meshcert") && ++ours >= 6 || b.length() > 3000) {
              break;
            }
          }
        }
        return b.toString();
      }
    }
    return "    (no FX thread)\n";
  }

  Report report() {
    List<Double> sorted;
    synchronized (waits) {
      sorted = new ArrayList<>(waits);
    }
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return new Report(0, 0, 0, 0, 0, 0, 0, "");
    }
    int n = sorted.size();
    int over = (int) sorted.stream().filter(w -> w > 100).count();
    String each;
    synchronized (longStalls) {
      each =
          longStalls.stream()
              .map(w -> String.format(Locale.ROOT, "%.0f ms (CPU %.0f)", w[0], w[1]))
              .collect(java.util.stream.Collectors.joining(", ", " (", ")"));
    }
    return new Report(
        n,
        sorted.get(n - 1),
        sorted.get(Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)),
        sorted.get(n / 2),
        over,
        longestCpu,
        maxCpu,
        over == 0 ? "" : each);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
