package dev.meshcert.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 * on a worker thread and is timed with {@link System#nanoTime}; a call over the timeout is a
 * failure (and ends the run: the stuck thread is abandoned). Failing inputs are saved with their
 * recipe and stack trace.
 */
final class FuzzRunner {

  /**
   * @param seed the master seed; input {@code i} is made from {@code mix(seed, i)}
   * @param iterations how many mutants
   * @param only when at least 0, run just this mutant (replaying a failure)
   * @param timeout a call taking longer fails the run
   * @param budget the run stops starting new mutants after this long; zero for no limit
   * @param failureDir where failing inputs are written
   */
  record Config(
      long seed, int iterations, long only, Duration timeout, Duration budget, Path failureDir) {}

  /** A broken property: which input, which target, what happened. */
  record Failure(String input, String target, String recipe, String error, Path saved) {}

  /** How long one target took on one input. */
  record Timing(String input, String target, String recipe, int size, long nanos) {}

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
      int callsOverOneSecond,
      long peakHeapBytes,
      long maxHeapBytes) {}

  private static final int MAX_FAILURES = 25;

  /** A replayed input runs this many times before it is timed: the first calls load classes. */
  private static final int REPLAY_WARMUPS = 3;

  private final List<Targets.Target> targets;
  private ExecutorService worker = newWorker();

  FuzzRunner(List<Targets.Target> targets) {
    this.targets = targets;
  }

  Result run(List<Seeds.Seed> seeds, Config config) {
    resetPeaks();
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
    for (Targets.Target t : targets) {
      Future<Long> f =
          worker.submit(
              () -> {
                long t0 = System.nanoTime();
                t.run(bytes);
                return System.nanoTime() - t0;
              });
      try {
        long nanos = f.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        inputNanos += nanos;
        stats.time(new Timing(input, t.name(), recipe, bytes.length, nanos));
      } catch (ExecutionException e) {
        stats.failures.add(fail(input, t.name(), recipe, bytes, e.getCause(), config));
      } catch (TimeoutException e) {
        f.cancel(true);
        worker.shutdownNow();
        worker = newWorker();
        String msg = "took more than " + config.timeout().toMillis() + " ms (thread abandoned)";
        stats.failures.add(fail(input, t.name(), recipe, bytes, new AssertionError(msg), config));
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    if (stats.slowestInput == null || inputNanos > stats.slowestInput.nanos()) {
      stats.slowestInput = new Timing(input, "all targets", recipe, bytes.length, inputNanos);
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

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(null, r, "fuzz-worker", 0);
          t.setDaemon(true);
          return t;
        });
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static final class Stats {
    int inputs;
    int mutants;
    long bytes;
    int overOneSecond;
    Timing slowestInput;
    final List<Failure> failures = new ArrayList<>();
    final Map<String, Timing> slowest = new LinkedHashMap<>();
    final Map<String, Long> total = new LinkedHashMap<>();

    void time(Timing t) {
      if (t.nanos() > 1_000_000_000L) {
        overOneSecond++;
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
          overOneSecond,
          peakHeap(),
          Runtime.getRuntime().maxMemory());
    }
  }
}
