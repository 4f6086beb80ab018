package dev.meshcert.bench;

import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.core.chain.ChainBuilder;
import dev.meshcert.core.chain.PathValidator;
import dev.meshcert.core.chain.SignatureVerifier;
import dev.meshcert.testpki.TestPki;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
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
 * Chain building over the 10,000-certificate bundle of {@link InspectBenchmarkBundle} (8 trust
 * domains, RSA and EC roots, 40 intermediates, Istio-shaped leaves).
 *
 * <ul>
 *   <li>{@code coldBuild}: a new builder each time, so every link's signature is verified (the
 *       first time a set of files is opened).
 *   <li>{@code warmRebuild}: the same builder again, signature results cached (the window
 *       regrouping after one more file is dropped).
 *   <li>{@code validateEveryLeafAfterBuild}: every chain's leaf verified against the bundle's roots
 *       with {@link PathValidator}, sharing the signature cache of a build (as the inspector does);
 *       {@code validateEveryLeafCold} without that cache.
 * </ul>
 *
 * <p>Run: {@code ./mvnw -B -o -q test-compile} then {@code java -cp
 * target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main ChainBenchmark}. The bundle
 * is read from {@code target/bench/bundle-10000.pem} when present (written by
 * bench/compare-openssl.sh), else generated once per fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class ChainBenchmark {

  static final int COUNT = 10_000;

  private List<CertificateFacts> certificates;
  private ChainBuilder warm;
  private SignatureVerifier warmVerifier;
  private List<CertificateFacts> anchors;
  private List<CertificateFacts> leaves;

  @Setup
  public void load() throws Exception {
    Path cached = Path.of("target/bench/bundle-" + COUNT + ".pem");
    String pem =
        Files.exists(cached)
            ? Files.readString(cached, StandardCharsets.US_ASCII)
            : InspectBenchmarkBundle.pem(COUNT, TestPki.NOW);
    certificates = decode(pem);
    if (certificates.size() != COUNT) {
      throw new IllegalStateException("bundle holds " + certificates.size() + " certificates");
    }
    warm = new ChainBuilder();
    List<Chain> chains = warm.build(certificates);
    anchors = chains.stream().filter(Chain::endsAtSelfSigned).map(Chain::top).distinct().toList();
    leaves = chains.stream().map(Chain::leaf).toList();
    warmVerifier = new SignatureVerifier();
    new ChainBuilder(warmVerifier).build(certificates);
  }

  static List<CertificateFacts> decode(String pem) throws Exception {
    List<CertificateFacts> out = new ArrayList<>();
    CertificateDecoder decoder = new CertificateDecoder();
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      for (PemObject o = reader.readPemObject(); o != null; o = reader.readPemObject()) {
        out.add(decoder.decode(o.getContent()));
      }
    }
    return out;
  }

  @Benchmark
  public List<Chain> coldBuild() {
    return new ChainBuilder().build(certificates);
  }

  @Benchmark
  public List<Chain> warmRebuild() {
    return warm.build(certificates);
  }

  /** Every chain's leaf against the bundle's roots, signatures cached by the chain build. */
  @Benchmark
  public int validateEveryLeafAfterBuild() {
    return validateAll(new PathValidator(warmVerifier));
  }

  /** The same with a fresh signature cache: every link verified again. */
  @Benchmark
  public int validateEveryLeafCold() {
    return validateAll(new PathValidator());
  }

  private int validateAll(PathValidator validator) {
    PathValidator.Bound bound = validator.with(anchors, certificates);
    int trusted = 0;
    for (CertificateFacts leaf : leaves) {
      if (bound.validate(leaf, TestPki.NOW).trusted()) {
        trusted++;
      }
    }
    return trusted;
  }
}
