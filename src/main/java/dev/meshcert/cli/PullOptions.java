package dev.meshcert.cli;

import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.ClusterConnector;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.kube.pull.ScanOptions;
import dev.meshcert.kube.pull.ScanTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where and how to pull certificates from: the demo mesh or a kubeconfig context, a pod, a
 * namespace or all of them, parallelism, per-pod timeout, and whether CA Secrets may be read.
 * Shared by {@code scan --certs} and {@code snapshot save}.
 */
final class PullOptions {

  @Option(names = "--demo", description = "Use the built-in demo mesh instead of a cluster.")
  boolean demo;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The kubeconfig context (default: the current one).")
  String context;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Only this namespace (default: all namespaces).")
  String namespace;

  @Option(names = "--pod", paramLabel = "NS/NAME", description = "Only this pod.")
  String pod;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "16",
      description = "Pods pulled at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(
      names = "--pod-timeout",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description = "The longest one pod may take (default: ${DEFAULT-VALUE} s).")
  int podTimeout;

  @Option(
      names = "--secrets",
      description =
          "Also read the CA Secrets (istio-ca-secret, cacerts, linkerd-identity-issuer) and"
              + " kubernetes.io/tls Secrets. Private keys are dropped as they are read.")
  boolean secrets;

  ScanTarget target() {
    if (pod != null && !pod.isBlank()) {
      return ScanTarget.parse(
          Optional.of(pod.contains("/") ? pod : namespaceOr("default") + "/" + pod));
    }
    return namespace == null ? new ScanTarget.All() : new ScanTarget.Namespace(namespace);
  }

  private String namespaceOr(String fallback) {
    return namespace == null ? fallback : namespace;
  }

  ScanOptions scanOptions(Clock clock) {
    return ScanOptions.defaults(clock)
        .withParallelism(Math.max(1, parallel))
        .withPodTimeout(Duration.ofSeconds(Math.max(1, podTimeout)))
        .withSecrets(secrets);
  }

  /** Opens the demo or the context; the caller closes the connector. */
  ClusterConnection connect(ClusterConnector connector) throws KubeException {
    if (demo) {
      return connector.demo();
    }
    String name =
        context != null
            ? context
            : connector
                .currentContext()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no current context in the kubeconfig: use --context or --demo"));
    return connector.open(name);
  }

  static ClusterConnector connector(Clock clock) {
    return ClusterConnector.fromEnvironment(SessionOptions.defaults(), clock);
  }
}
