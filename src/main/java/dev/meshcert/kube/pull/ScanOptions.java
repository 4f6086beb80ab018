package dev.meshcert.kube.pull;

import java.time.Clock;
import java.time.Duration;

/**
 * How to scan.
 *
 * @param parallelism how many pods are pulled at once, at least 1
 * @param podTimeout the longest one pod may take, every strategy included
 * @param readSecrets whether to read the CA Secrets ({@code istio-ca-secret}, {@code cacerts},
 *     {@code linkerd-identity-issuer}) and {@code kubernetes.io/tls} Secrets: a deliberate user
 *     action, off by default; private keys are dropped as they are read
 * @param clock the clock verdicts (expiry, rotation) are judged by
 */
public record ScanOptions(int parallelism, Duration podTimeout, boolean readSecrets, Clock clock) {

  /** Checks the values. */
  public ScanOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    if (podTimeout.isNegative() || podTimeout.isZero()) {
      throw new IllegalArgumentException("podTimeout must be positive: " + podTimeout);
    }
  }

  /** 16 pods at once, 20 s per pod, no Secrets. */
  public static ScanOptions defaults(Clock clock) {
    return new ScanOptions(16, Duration.ofSeconds(20), false, clock);
  }

  /** These options with another parallelism. */
  public ScanOptions withParallelism(int value) {
    return new ScanOptions(value, podTimeout, readSecrets, clock);
  }

  /** These options with another per-pod timeout. */
  public ScanOptions withPodTimeout(Duration value) {
    return new ScanOptions(parallelism, value, readSecrets, clock);
  }

  /** These options reading (or not) the CA and TLS Secrets. */
  public ScanOptions withSecrets(boolean value) {
    return new ScanOptions(parallelism, podTimeout, value, clock);
  }
}
