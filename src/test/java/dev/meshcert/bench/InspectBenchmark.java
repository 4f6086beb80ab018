package dev.meshcert.bench;

import dev.meshcert.core.analysis.Analysis;
import dev.meshcert.core.analysis.InspectOptions;
import dev.meshcert.core.analysis.InspectionInput;
import dev.meshcert.core.analysis.Inspector;
import dev.meshcert.core.analysis.SourceReader;
import dev.meshcert.core.read.InputReader;
import dev.meshcert.core.read.PasswordProvider;
import dev.meshcert.core.read.Source;
import dev.meshcert.mesh.MeshReaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and analysing the 10,000-certificate bundle of {@link InspectBenchmarkBundle}.
 *
 * <ul>
 *   <li>{@code read}: the input read alone (PEM scanning, base64, decoding every certificate).
 *   <li>{@code inspect}: everything {@code meshcert inspect} computes: reading, key matching,
 *       chains (every link's signature verified, nothing cached from the previous iteration),
 *       expiry, SPIFFE IDs, findings and trust verdicts.
 * </ul>
 *
 * Issue 3 asks that {@code inspect} stay within twice {@code read}. Run with {@code bench/jmh.sh
 * InspectBenchmark}; the bundle is read from {@code target/bench/bundle-10000.pem} (written by
 * bench/compare-openssl.sh) or generated there once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class InspectBenchmark {

  static final int COUNT = 10_000;

  private byte[] bundle;
  private SourceReader reader;
  private InspectOptions options;

  @Setup
  public void load() throws Exception {
    bundle = bundle(COUNT);
    reader = new InputReader(MeshReaders.all())::read;
    options = InspectOptions.at(Clock.systemUTC());
  }

  /** The cached bundle of {@code count} certificates, generated on first use. */
  static byte[] bundle(int count) throws Exception {
    Path cached = Path.of("target/bench/bundle-" + count + ".pem");
    if (!Files.exists(cached)) {
      Files.createDirectories(cached.getParent());
      Files.writeString(
          cached, InspectBenchmarkBundle.pem(count, Instant.now()), StandardCharsets.US_ASCII);
    }
    return Files.readAllBytes(cached);
  }

  @Benchmark
  public Source read() {
    return reader.read("bundle.pem", bundle, PasswordProvider.none());
  }

  @Benchmark
  public Analysis inspect() {
    return new Inspector(reader)
        .inspect(List.of(new InspectionInput("bundle.pem", bundle)), options);
  }
}
