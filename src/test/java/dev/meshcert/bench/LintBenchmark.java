package dev.meshcert.bench;

import dev.meshcert.core.cert.CertificateDecoder;
import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.core.chain.ChainBuilder;
import dev.meshcert.core.finding.CertificateLints;
import dev.meshcert.core.finding.Finding;
import dev.meshcert.core.finding.LintContext;
import dev.meshcert.core.finding.LintEngine;
import dev.meshcert.core.finding.LintReport;
import dev.meshcert.testpki.TestPki;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.KeyUsage;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Linting 10,000 certificates made once with {@link TestPki}: 2 Istio-style roots ({@code
 * O=cluster.local}), 18 intermediates, and 9,980 workload leaves, of which one in five is malformed
 * in some way (CA flag, key usage, two URI SANs, upper-case trust domain, expired, 90+ days) so
 * that rules fire as well as pass.
 *
 * <ul>
 *   <li>{@code lintEngine}: {@link LintEngine} over all certificates and their prebuilt chains
 *       (profiles detected per chain, roles from chain positions): what an inspection adds.
 *   <li>{@code lintEachAlone}: {@link CertificateLints#lint(CertificateFacts, LintContext)} per
 *       certificate, detection from the certificate alone.
 *   <li>{@code decodeOnly}: decoding the same 10,000 DER certificates, the reading cost the lints
 *       are compared with.
 * </ul>
 *
 * <p>Run: {@code ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}
 * then {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main
 * LintBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LintBenchmark {

  static final int COUNT = 10_000;

  private List<CertificateFacts> certificates;
  private List<byte[]> ders;
  private List<Chain> chains;
  private LintContext context;

  @Setup
  public void generate() {
    certificates = certificates(COUNT);
    ders = certificates.stream().map(CertificateFacts::der).toList();
    chains = new ChainBuilder().build(certificates);
    context = LintContext.at(TestPki.NOW);
  }

  /** {@code count} certificates: 2 roots, 9 intermediates per root, the rest leaves. */
  static List<CertificateFacts> certificates(int count) {
    TestPki pki = new TestPki();
    KeyPair shared = TestPki.keyPair("EC");
    List<CertificateFacts> out = new ArrayList<>();
    List<TestPki.Issued> cas = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      TestPki.Issued root = pki.root("O=cluster.local,OU=root" + r).issue();
      out.add(root.facts());
      for (int i = 0; i < 9; i++) {
        TestPki.Issued ca =
            pki.intermediate(root, "O=cluster.local,CN=ca" + r + "-" + i).keyPair(shared).issue();
        cas.add(ca);
        out.add(ca.facts());
      }
    }
    for (int n = 0; out.size() < count; n++) {
      TestPki.Builder b =
          pki.leaf(cas.get(n % cas.size()))
              .keyPair(shared)
              .uriSan("spiffe://cluster.local/ns/ns" + (n % 40) + "/sa/sa" + n);
      out.add(flaw(b, n).issue().facts());
    }
    return out;
  }

  private static TestPki.Builder flaw(TestPki.Builder b, int n) {
    return switch (n % 25) {
      case 1 -> b.ca(true, null);
      case 2 -> b.keyUsage(false, KeyUsage.digitalSignature);
      case 3 -> b.uriSan("spiffe://cluster.local/ns/x/sa/y");
      case 4 -> b.validity(TestPki.NOW.minus(Duration.ofDays(3)), TestPki.NOW.minusSeconds(5));
      case 5 ->
          b.validity(TestPki.NOW.minus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(100)));
      default -> b;
    };
  }

  @Benchmark
  public LintReport lintEngine() {
    return LintEngine.lint(certificates, chains, context);
  }

  @Benchmark
  public void lintEachAlone(Blackhole bh) {
    for (CertificateFacts c : certificates) {
      List<Finding> f = CertificateLints.lint(c, context);
      bh.consume(f);
    }
  }

  @Benchmark
  public void decodeOnly(Blackhole bh) throws Exception {
    CertificateDecoder decoder = new CertificateDecoder();
    for (byte[] der : ders) {
      bh.consume(decoder.decode(der));
    }
  }
}
