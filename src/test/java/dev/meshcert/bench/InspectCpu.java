package dev.meshcert.bench;

import dev.meshcert.core.analysis.InspectOptions;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.analysis.SourceReader;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.ChainBuilder;
import dev.meshcert.core.read.CertificateEntry;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.mesh.MeshReaders;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Issue 3's ratio on a shared machine: reading the 10,000-certificate bundle alone against the
 * whole analysis, measured in process CPU time rather than wall time. Other processes take cores
 * away from the analysis (which uses both) more than from reading, so under load the wall-time
 * ratio of {@link InspectBenchmark} swings; CPU time does not depend on how many cores are free.
 *
 * <p>One JVM runs {@code read} and {@code inspect} alternately {@code RUNS} times; the first half
 * warms up, and the medians of the second half are printed with their ratio. Process CPU includes
 * the JIT compiler and the collector, which are small once warm. Run with {@code
 * bench/inspect-cpu.sh [RUNS]}.
 */
public final class InspectCpu {

  private InspectCpu() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    byte[] bundle = InspectBenchmark.bundle(InspectBenchmark.COUNT);
    SourceReader reader = new InputReader(MeshReaders.all())::read;
    InspectOptions options = InspectOptions.at(Clock.systemUTC());
    LongSupplier cpu =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            ::getProcessCpuTime;
    List<Long> read = new ArrayList<>();
    List<Long> inspect = new ArrayList<>();
    List<Long> readWall = new ArrayList<>();
    List<Long> inspectWall = new ArrayList<>();
    List<Long> chains = new ArrayList<>();
    List<Long> chainsWall = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long c0 = cpu.getAsLong();
      long w0 = System.nanoTime();
      List<CertificateFacts> facts =
          reader.read("bundle.pem", bundle, PasswordProvider.none()).certificates().stream()
              .map(CertificateEntry::certificate)
              .toList();
      int certificates = facts.size();
      long c1 = cpu.getAsLong();
      long w1 = System.nanoTime();
      new ChainBuilder().build(facts); // a fresh signature cache: every pair is verified
      long c1b = cpu.getAsLong();
      long w1b = System.nanoTime();
      long c1c = cpu.getAsLong();
      long w1c = System.nanoTime();
      int reports =
          new Inspector(reader)
              .inspect(List.of(new InspectionInput("bundle.pem", bundle)), options)
              .certificates()
              .size();
      long c2 = cpu.getAsLong();
      long w2 = System.nanoTime();
      if (certificates != InspectBenchmark.COUNT || reports != InspectBenchmark.COUNT) {
        throw new IllegalStateException(certificates + " read, " + reports + " analysed");
      }
      System.out.printf(
          "run %2d: read %5d ms CPU (%5d ms wall), chains %5d ms CPU (%5d ms wall),"
              + " inspect %5d ms CPU (%5d ms wall)%n",
          i + 1, ms(c1 - c0), ms(w1 - w0), ms(c1b - c1), ms(w1b - w1), ms(c2 - c1c), ms(w2 - w1c));
      if (i >= runs / 2) {
        read.add(c1 - c0);
        inspect.add(c2 - c1c);
        readWall.add(w1 - w0);
        inspectWall.add(w2 - w1c);
        chains.add(c1b - c1);
        chainsWall.add(w1b - w1);
      }
    }
    long r = median(read);
    long a = median(inspect);
    System.out.printf(
        "medians of the last %d runs: read %d ms CPU (%d ms wall), inspect %d ms CPU (%d ms wall);"
            + " inspect / read = %.2f in CPU, %.2f in wall time%n",
        read.size(),
        ms(r),
        ms(median(readWall)),
        ms(a),
        ms(median(inspectWall)),
        (double) a / r,
        (double) median(inspectWall) / median(readWall));
    long b = median(chains);
    System.out.printf(
        "chain building alone (signature checks with a fresh cache, candidate lookup, linking): %d"
            + " ms CPU (%d ms wall); inspect without it / read = %.2f in CPU, %.2f in wall time%n",
        ms(b),
        ms(median(chainsWall)),
        (double) (a - b) / r,
        (double) (median(inspectWall) - median(chainsWall)) / median(readWall));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
