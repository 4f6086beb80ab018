package dev.meshcert.cli;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.pull.MeshCertificateScanner;
import dev.meshcert.kube.pull.ScanOptions;
import dev.meshcert.kube.pull.ScanResult;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.probe.StreamHandshake;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code meshcert scan --certs}: after the mesh is listed, pull every meshed pod's certificate
 * chain of that same snapshot (no second listing) and print the chains, verdicts and findings. A
 * mixin, so the scan command only calls {@link #pullAndPrint}.
 */
final class CertsOption {

  @Option(
      names = "--certs",
      description =
          "Also pull every meshed pod's certificate chain (port-forward to the proxy admin, else"
              + " exec of a fixed read-only command) and judge it: identity, mesh root, rotation,"
              + " findings.")
  boolean enabled;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "16",
      description = "With --certs: pods pulled at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(
      names = "--pod-timeout",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description = "With --certs: the longest one pod may take (default: ${DEFAULT-VALUE}).")
  int podTimeout;

  @Option(
      names = "--secrets",
      description =
          "With --certs: also read the CA Secrets (istio-ca-secret, cacerts,"
              + " linkerd-identity-issuer) and kubernetes.io/tls Secrets; keys are dropped.")
  boolean secrets;

  @Option(
      names = "--certs-verbose",
      description = "With --certs: also skipped pods, every attempt, INFO findings.")
  boolean verbose;

  /**
   * Pulls and prints; progress goes to {@code err}.
   *
   * @return 1 when a pod failed or a chain has an error-level finding, else 0
   */
  int pullAndPrint(
      ClusterConnection cluster, MeshSnapshot mesh, Clock clock, PrintWriter out, PrintWriter err) {
    ScanOptions options =
        ScanOptions.defaults(clock)
            .withParallelism(Math.max(1, parallel))
            .withPodTimeout(Duration.ofSeconds(Math.max(1, podTimeout)))
            .withSecrets(secrets);
    ScanResult result =
        new MeshCertificateScanner(clock, new StreamHandshake())
            .scan(
                cluster,
                mesh,
                List.of(),
                options,
                new SnapshotCommand.Progress(err),
                Cancellation.none());
    out.println();
    PullReport.print(result, verbose, out);
    return PullReport.hasProblems(result) ? 1 : 0;
  }
}
