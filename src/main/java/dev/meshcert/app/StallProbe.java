package dev.meshcert.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX application thread is kept from running, in the real app: with
 * {@code -Dmeshcert.stallProbe=FILE} a daemon thread posts a probe with {@link Platform#runLater}
 * every 5 ms, one in flight at a time, and appends to FILE one line per probe that waited longer
 * than {@code meshcert.stallProbe.thresholdMillis} (default 50):
 *
 * <pre>stall WALL ms fx-cpu CPU ms at T ms phase PHASE</pre>
 *
 * WALL is how long the probe waited, CPU the FX thread's own CPU time in that wait (the rest is
 * waiting for a core, a lock or the renderer), T when the stall began in milliseconds since the
 * process started, PHASE the last {@link #mark} before it. A stall over 100 ms is followed by where
 * the FX thread was: its stack, sampled every 10 ms once the probe is late, the most frequent first
 * (indented lines). Phases are logged as {@code phase NAME at T ms}; {@link #close} (also run at
 * JVM exit) appends a summary per phase and for the whole run: longest stall, its FX CPU, 99th
 * percentile, stalls over 100 ms. Timings, phase names, thread states and code locations only:
 * nothing the app reads. Without the property nothing is created (bench/fx-stalls.sh uses it).
 */
final class StallProbe implements AutoCloseable {

  static final String PROPERTY = "meshcert.stallProbe";
  static final String THRESHOLD_PROPERTY = "meshcert.stallProbe.thresholdMillis";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final long SAMPLE_EVERY_MILLIS = 10;
  private static final int MAX_SAMPLES = 100;
  private static final double LONG_MILLIS = 100;

  private final BufferedWriter out;
  private final long thresholdMillis;
  private final long intervalMillis;
  private final long processStart;
  private final Queue<String> pending = new ConcurrentLinkedQueue<>();
  private final Map<String, StallStats> phases = new LinkedHashMap<>();
  private final StallStats all = new StallStats();
  private final AtomicInteger samplesTaken = new AtomicInteger();
  private final Thread thread;
  private volatile String phase = "start-up";
  private volatile boolean running = true;
  private volatile long fxThreadId = -1;
  private boolean closed;

  StallProbe(Path file, long thresholdMillis, long intervalMillis) throws IOException {
    this.thresholdMillis = thresholdMillis;
    this.intervalMillis = intervalMillis;
    this.processStart =
        ProcessHandle.current()
            .info()
            .startInstant()
            .map(Instant::toEpochMilli)
            .orElseGet(System::currentTimeMillis);
    this.out =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    write(
        String.format(
            Locale.ROOT,
            "stall-probe: pid %d, a probe every %d ms, stalls over %d ms, started at %d ms",
            ProcessHandle.current().pid(),
            intervalMillis,
            thresholdMillis,
            sinceStart()));
    thread = new Thread(this::loop, "meshcert-stall-probe");
    thread.setDaemon(true);
  }

  /**
   * The probe the system properties ask for, started and closed at JVM exit; empty without {@code
   * meshcert.stallProbe}. Call on the FX thread, so that the first stall's FX CPU is known.
   */
  static Optional<StallProbe> fromProperties() {
    String file = System.getProperty(PROPERTY, "");
    if (file.isBlank()) {
      return Optional.empty();
    }
    try {
      StallProbe probe = new StallProbe(Path.of(file), Long.getLong(THRESHOLD_PROPERTY, 50), 5);
      probe.start();
      Runtime.getRuntime().addShutdownHook(new Thread(probe::close, "meshcert-stall-summary"));
      return Optional.of(probe);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the stall probe's file " + file, e);
    }
  }

  /** Starts probing; on the FX thread, it also learns which thread that is. */
  void start() {
    if (Platform.isFxApplicationThread()) {
      fxThreadId = Thread.currentThread().getId();
    }
    thread.start();
  }

  /** Names what the app does from now on; later stalls are counted under it. Any thread. */
  void mark(String name) {
    phase = name;
    pending.add(String.format(Locale.ROOT, "phase %s at %d ms", name, sinceStart()));
  }

  /** How many times the FX thread's stack was sampled during late probes (for tests). */
  int samplesTaken() {
    return samplesTaken.get();
  }

  private void loop() {
    while (running) {
      long posted = System.nanoTime();
      long at = sinceStart();
      String during = phase;
      long id = fxThreadId;
      long cpuAtPost = id < 0 ? -1 : THREADS.getThreadCpuTime(id);
      long[] cpu = {-1};
      boolean[] ran = {false};
      try {
        Platform.runLater(
            () -> {
              fxThreadId = Thread.currentThread().getId();
              if (cpuAtPost >= 0) {
                cpu[0] = THREADS.getCurrentThreadCpuTime() - cpuAtPost;
              }
              synchronized (ran) {
                ran[0] = true;
                ran.notifyAll();
              }
            });
      } catch (IllegalStateException toolkitGone) {
        return;
      }
      List<StackSamples.Sample> samples = new ArrayList<>();
      if (!await(ran, posted, samples)) {
        return;
      }
      double wall = (System.nanoTime() - posted) / 1e6;
      double cpuMillis = cpu[0] / 1e6;
      synchronized (phases) {
        all.add(wall, cpuMillis);
        phases.computeIfAbsent(during, p -> new StallStats()).add(wall, cpuMillis);
      }
      if (wall > thresholdMillis) {
        write(
            String.format(
                Locale.ROOT,
                "stall %.0f ms fx-cpu %.0f ms at %d ms phase %s",
                wall,
                cpuMillis,
                at,
                during));
        if (wall > LONG_MILLIS) {
          write(StackSamples.summary(samples, 3));
        }
      }
      flushPending();
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Waits for the probe to run, sampling the FX thread once it is late; false when stopped. */
  private boolean await(boolean[] ran, long posted, List<StackSamples.Sample> samples) {
    synchronized (ran) {
      while (!ran[0]) {
        if (!running) {
          return false;
        }
        try {
          ran.wait(SAMPLE_EVERY_MILLIS);
        } catch (InterruptedException e) {
          return false;
        }
        long id = fxThreadId;
        boolean late = System.nanoTime() - posted > thresholdMillis * 1_000_000L;
        if (!ran[0] && late && id >= 0 && samples.size() < MAX_SAMPLES) {
          ThreadInfo info = THREADS.getThreadInfo(id, 64);
          if (info != null) {
            samples.add(StackSamples.of(info));
            samplesTaken.incrementAndGet();
          }
        }
      }
      return true;
    }
  }

  private long sinceStart() {
    return System.currentTimeMillis() - processStart;
  }

  private void flushPending() {
    for (String line = pending.poll(); line != null; line = pending.poll()) {
      write(line);
    }
  }

  private synchronized void write(String line) {
    if (closed || line.isEmpty()) {
      return;
    }
    try {
      out.write(line);
      out.newLine();
      out.flush();
    } catch (IOException e) {
      closed = true;
    }
  }

  /** Stops probing and appends the summary; once only. */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushPending();
    long id = fxThreadId;
    long fxCpu = id < 0 ? -1 : THREADS.getThreadCpuTime(id);
    write(
        String.format(
            Locale.ROOT, "end at %d ms, FX thread CPU %d ms", sinceStart(), fxCpu / 1_000_000));
    synchronized (phases) {
      phases.forEach((name, stats) -> write("summary " + name + ": " + stats.text()));
      write("summary all: " + all.text());
    }
    synchronized (this) {
      closed = true;
      try {
        out.close();
      } catch (IOException e) {
        // the summary is lost; nothing else depends on it
      }
    }
  }
}
