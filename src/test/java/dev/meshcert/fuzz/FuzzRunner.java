package dev.meshcert.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the seeds as they are, then {@code iterations} mutants, through every target. Each call runs
 * on a worker thread and is timed with {@link System#nanoTime} and the thread's CPU time; a call
 * over the timeout is a failure (and ends the run: the stuck thread is abandoned). Failing inputs
 * are saved with their recipe and stack trace.
 */
final class FuzzRunner {

  /**
   * @param seed the master seed; input {@code i} is made from {@code mix(seed, i)}
   * @param iterations how many mutants
   * @param only when at least 0, run just this mutant (replaying a failure)
   * @param timeout a call using more CPU time than this (or twelve times as long on the wall clock)
   *     fails the run
   * @param budget the run stops starting new mutants after this long; zero for no limit
   * @param failureDir where failing inputs are written
   */
  record Config(
      long seed, int iterations, long only, Duration timeout, Duration budget, Path failureDir) {}

  /** A broken property: which input, which target, what happened. */
  record Failure(String input, String target, String recipe, String error, Path saved) {}

  /**
   * How long one target took on one input: wall-clock time, and CPU time of the worker thread
   * (which a loaded machine does not inflate; garbage collection on other threads is not in it).
   */
  record Timing(String input, String target, String recipe, int size, long nanos, long cpuNanos) {}

  /** Everything a run measured. */
  record Result(
      int inputs,
      int mutants,
      long bytes,
      Duration elapsed,
      List<Failure> failures,
      Map<String, Timing> slowestPerTarget,
      Map<String, Long> totalNanosPerTarget,
      Timing slowestInput,
      Timing slowestCpu,
      int callsOverOneSecond,
      int callsOverOneCpuSecond,
      List<Timing> callsOverOneSecondListed,
      long maxHeapInUseBytes,
      long heapAfterGcBytes,
      long maxHeapBytes) {}

  private static final int MAX_FAILURES = 25;

  /** How many of the calls over one second the report names (all are counted). */
  static final int MAX_SLOW_LISTED = 20;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** A replayed input runs this many times before it is timed: the first calls load classes. */
  private static final int REPLAY_WARMUPS = 3;

  private final List<Targets.Target> targets;

  /** A call is also stopped after this many times the timeout of wall-clock time (a hang). */
  private static final int WALL_FACTOR = 12;

  private volatile Thread workerThread;
  private ExecutorService worker = newWorker();

  FuzzRunner(List<Targets.Target> targets) {
    this.targets = targets;
  }

  Result run(List<Seeds.Seed> seeds, Config config) {
    long start = System.nanoTime();
    Stats stats = new Stats();
    Mutator mutator = new Mutator(seeds);
    try {
      if (config.only() < 0) {
        for (Seeds.Seed s : seeds) {
          if (!runOne("seed " + s.name(), s.bytes(), s.name(), config, stats)) {
            return stats.result(start);
          }
        }
      }
      long first = config.only() >= 0 ? config.only() : 0;
      long last = config.only() >= 0 ? config.only() + 1 : config.iterations();
      for (long i = first; i < last; i++) {
        if (!config.budget().isZero() && System.nanoTime() - start > config.budget().toNanos()) {
          break;
        }
        stats.mutants++;
        Mutator.Mutant m = mutator.mutate(mix(config.seed(), i));
        if (config.only() >= 0) {
          save(config.failureDir().resolveSibling("mutant-" + i + ".bin"), m.bytes());
          for (int warm = 0; warm < REPLAY_WARMUPS; warm++) {
            runOne("warm-up", m.bytes(), m.recipe(), config, new Stats());
          }
        }
        if (!runOne("mutant " + i, m.bytes(), m.recipe(), config, stats)) {
          break;
        }
      }
      return stats.result(start);
    } finally {
      worker.shutdownNow();
    }
  }

  /** Runs one input through every target; false when the run must stop. */
  private boolean runOne(String input, byte[] bytes, String recipe, Config config, Stats stats) {
    stats.inputs++;
    stats.bytes += bytes.length;
    long inputNanos = 0;
    long inputCpu = 0;
    for (Targets.Target t : targets) {
      Future<long[]> f =
          worker.submit(
              () -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                t.run(bytes);
                return new long[] {System.nanoTime() - t0, THREADS.getCurrentThreadCpuTime() - c0};
              });
      try {
        long[] nanos = await(f, config.timeout());
        inputNanos += nanos[0];
        inputCpu += nanos[1];
        stats.time(new Timing(input, t.name(), recipe, bytes.length, nanos[0], nanos[1]));
      } catch (ExecutionException e) {
        stats.failures.add(fail(input, t.name(), recipe, bytes, e.getCause(), config));
      } catch (TimeoutException e) {
        f.cancel(true);
        worker.shutdownNow();
        worker = newWorker();
        String msg = e.getMessage() + " (thread abandoned)";
        stats.failures.add(fail(input, t.name(), recipe, bytes, new AssertionError(msg), config));
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    stats.maxHeap = Math.max(stats.maxHeap, heapInUse());
    if (stats.slowestInput == null || inputNanos > stats.slowestInput.nanos()) {
      stats.slowestInput =
          new Timing(input, "all targets", recipe, bytes.length, inputNanos, inputCpu);
    }
    return stats.failures.size() < MAX_FAILURES;
  }

  private static Failure fail(
      String input, String target, String recipe, byte[] bytes, Throwable e, Config config) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String file = (input + "-" + target).replaceAll("[^A-Za-z0-9.-]+", "-");
    Path saved = config.failureDir().resolve(file + ".bin");
    try {
      Files.createDirectories(config.failureDir());
      Files.write(saved, bytes);
      Files.writeString(
          config.failureDir().resolve(file + ".txt"),
          "input: " + input + "\nrecipe: " + recipe + "\ntarget: " + target + "\n\n" + trace);
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
    String error = e.getClass().getName() + ": " + e.getMessage();
    return new Failure(input, target, recipe, error, saved);
  }

  private static void save(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SplitMix64 of seed and index: independent, reproducible input seeds. */
  static long mix(long seed, long i) {
    long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(null, r, "fuzz-worker", 0);
          t.setDaemon(true);
          workerThread = t;
          return t;
        });
  }

  /**
   * Waits for a call. It fails when the worker thread has used more than {@code timeout} of CPU
   * time on it, so that a machine shared with other builds does not turn slow into failed; or when
   * it has run {@link #WALL_FACTOR} times that long on the wall clock, for calls that block.
   */
  private long[] await(Future<long[]> f, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    long start = System.nanoTime();
    long cpuStart = -1;
    while (true) {
      try {
        return f.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        Thread t = workerThread;
        long cpu = t == null ? 0 : THREADS.getThreadCpuTime(t.getId());
        if (cpuStart < 0) {
          cpuStart = cpu;
        }
        if (cpu - cpuStart > timeout.toNanos()) {
          throw new TimeoutException("used more than " + timeout.toMillis() + " ms of CPU time");
        }
        if (System.nanoTime() - start > timeout.toNanos() * WALL_FACTOR) {
          throw new TimeoutException(
              "ran for more than " + timeout.toMillis() * WALL_FACTOR + " ms");
        }
      }
    }
  }

  /** What is still reachable at the end: a leak across inputs would show here. */
  private static long heapAfterGc() {
    System.gc();
    return heapInUse();
  }

  private static long heapInUse() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static final class Stats {
    int inputs;
    int mutants;
    long bytes;
    int overOneSecond;
    int overOneCpuSecond;
    Timing slowestInput;
    Timing slowestCpu;
    long maxHeap;
    final List<Failure> failures = new ArrayList<>();
    final List<Timing> slowCalls = new ArrayList<>();
    final Map<String, Timing> slowest = new LinkedHashMap<>();
    final Map<String, Long> total = new LinkedHashMap<>();

    void time(Timing t) {
      if (t.nanos() > 1_000_000_000L || t.cpuNanos() > 1_000_000_000L) {
        if (slowCalls.size() < MAX_SLOW_LISTED) {
          slowCalls.add(t);
        }
      }
      if (t.nanos() > 1_000_000_000L) {
        overOneSecond++;
      }
      if (t.cpuNanos() > 1_000_000_000L) {
        overOneCpuSecond++;
      }
      if (slowestCpu == null || t.cpuNanos() > slowestCpu.cpuNanos()) {
        slowestCpu = t;
      }
      slowest.merge(t.target(), t, (a, b) -> b.nanos() > a.nanos() ? b : a);
      total.merge(t.target(), t.nanos(), Long::sum);
    }

    Result result(long start) {
      return new Result(
          inputs,
          mutants,
          bytes,
          Duration.ofNanos(System.nanoTime() - start),
          List.copyOf(failures),
          Map.copyOf(slowest),
          Map.copyOf(total),
          slowestInput,
          slowestCpu,
          overOneSecond,
          overOneCpuSecond,
          List.copyOf(slowCalls),
          maxHeap,
          heapAfterGc(),
          Runtime.getRuntime().maxMemory());
    }
  }
}
