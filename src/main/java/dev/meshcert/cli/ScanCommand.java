package dev.meshcert.cli;

import dev.meshcert.kube.Cancellation;
import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.ClusterConnector;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.KubeFailure;
import dev.meshcert.kube.MeshScanner;
import dev.meshcert.kube.NamespaceScope;
import dev.meshcert.kube.SessionOptions;
import dev.meshcert.mesh.detect.MeshSnapshot;
import dev.meshcert.mesh.detect.WorkloadStatus;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code meshcert scan}: a cluster's (or the demo's) pods with their data plane and mTLS mode; with
 * {@code --certs} ({@link CertsOption}) every meshed pod's certificate chain pulled and judged.
 * Read-only. Exit codes: 0 scanned, 1 with --certs a pod failed or a chain has an error-level
 * finding, 2 the cluster could not be scanned or bad usage.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "List the pods of a cluster with their mesh data plane and effective mTLS mode.",
      "--certs also pulls and judges every meshed pod's certificate chain."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the cluster was scanned (with --certs: no failed pod, no error-level finding)",
      "1:with --certs: a pod failed or a chain has an error-level finding",
      "2:the cluster could not be scanned (unreachable, credentials, RBAC), or bad usage"
    })
final class ScanCommand implements Callable<Integer> {

  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description = "The kubeconfig context (default: the current context).")
  String context;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Scan this namespace (default: every namespace you may list).")
  String namespace;

  @Option(
      names = "--demo",
      description = "Scan the built-in demo mesh instead of a cluster (no kubeconfig needed).")
  boolean demo;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Timeout of each API request (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Mixin CertsOption certs = new CertsOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Clock clock;

  ScanCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SessionOptions options =
        SessionOptions.defaults()
            .withRequestTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
    try (ClusterConnector connector = ClusterConnector.fromEnvironment(options, clock)) {
      Optional<String> name =
          demo ? Optional.of("demo") : Optional.ofNullable(context).or(connector::currentContext);
      if (name.isEmpty()) {
        err.println("meshcert scan: no kubeconfig context: pass --context, or try --demo");
        err.flush();
        return 2;
      }
      ClusterConnection cluster = demo ? connector.demo() : connector.open(name.get());
      NamespaceScope scope =
          namespace == null ? NamespaceScope.all() : NamespaceScope.of(namespace);
      MeshSnapshot mesh = new MeshScanner(clock).scan(cluster, scope, Cancellation.none());
      print(mesh, out);
      int code = certs.enabled ? certs.pullAndPrint(cluster, mesh, clock, out, err) : 0;
      out.flush();
      return code;
    } catch (KubeException e) {
      KubeFailure f = e.failure();
      err.println("meshcert scan: " + f.title());
      f.hints().forEach(h -> err.println("  try: " + h));
      err.flush();
      return 2;
    }
  }

  private static void print(MeshSnapshot mesh, PrintWriter out) {
    out.println("Mesh of " + mesh.cluster() + " at " + mesh.takenAt());
    for (Map.Entry<String, List<WorkloadStatus>> ns : mesh.byNamespace().entrySet()) {
      out.println();
      out.println(ns.getKey());
      for (WorkloadStatus w : ns.getValue()) {
        out.println(
            "  "
                + w.pod().name()
                + "  "
                + w.dataPlane().primary().displayName()
                + "  "
                + w.badge().label());
      }
    }
    mesh.problems().forEach(p -> out.println("! " + p));
  }
}
