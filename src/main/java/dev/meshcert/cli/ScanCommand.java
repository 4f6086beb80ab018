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
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshcert scan}: reads a cluster (or the demo mesh) and prints its namespaces, pods with
 * their data plane and the evidence for it, the effective mTLS mode per workload and port with the
 * deciding policy, the control planes, and what could not be read. Read-only: get, list and watch
 * only. Exit codes: 0 scanned, 1 scanned with a TLS setting that contradicts the server side, 2 the
 * cluster could not be scanned or bad usage.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "List the pods of a cluster with their mesh data plane and effective mTLS mode.",
      "Each data plane with the evidence for it, the mode per workload and port with the policy",
      "that decided it, and the mesh control planes. Reads kubeconfig as kubectl does",
      "(KUBECONFIG, ~/.kube/config)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the cluster was scanned",
      "1:scanned, and a DestinationRule's TLS setting contradicts the server side, or (--certs) a"
          + " pod's certificates could not be read or a chain has an error-level finding",
      "2:the cluster could not be scanned (unreachable, credentials, RBAC), or bad usage"
    })
final class ScanCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int CONFLICTS = 1;
  static final int FAILED = 2;

  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description = "The kubeconfig context (default: the current context).")
  String context;

  @CommandLine.ArgGroup(exclusive = true)
  Scope scope = new Scope();

  /** -n and -A exclude each other. */
  static final class Scope {
    @Option(
        names = {"-n", "--namespace"},
        paramLabel = "NS",
        description = "Scan this namespace (default: the context's namespace, else default).")
    String namespace;

    @Option(
        names = {"-A", "--all-namespaces"},
        description = "Scan every namespace you may list.")
    boolean all;
  }

  @Option(names = "--json", description = "Print JSON (see docs/json-format.md) instead of text.")
  boolean json;

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

  @CommandLine.Mixin CertsOption certs = new CertsOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Function<SessionOptions, ClusterConnector> connectors;
  private final Clock clock;

  /**
   * @param connectors opens the kubeconfig with the given session options
   * @param clock "now" for the snapshot (and the demo mesh's certificates)
   */
  ScanCommand(Function<SessionOptions, ClusterConnector> connectors, Clock clock) {
    this.connectors = connectors;
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (json && certs.enabled) {
      return usage(
          err, "--certs prints text; for the chains as JSON use: meshcert snapshot save FILE");
    }
    if (timeoutSeconds < 1) {
      return usage(err, "--timeout must be at least 1 second");
    }
    SessionOptions options =
        SessionOptions.defaults().withRequestTimeout(Duration.ofSeconds(timeoutSeconds));
    try (ClusterConnector connector = connectors.apply(options)) {
      Optional<String> name = demo ? Optional.of("demo") : chosenContext(connector);
      if (name.isEmpty()) {
        connector.kubeconfig().problems().forEach(p -> err.println("meshcert scan: " + p));
        return usage(
            err,
            "no kubeconfig context to scan: pass --context, set a current context"
                + " (kubectl config use-context), or try --demo");
      }
      ClusterConnection connection = demo ? connector.demo() : connector.open(name.get());
      NamespaceScope ns = scope(connection);
      MeshSnapshot snapshot = new MeshScanner(clock).scan(connection, ns, Cancellation.none());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ScanJson.write(snapshot, out);
      } else {
        ScanText.write(snapshot, out);
      }
      int code = snapshot.tlsConflicts().isEmpty() ? OK : CONFLICTS;
      if (certs.enabled) {
        code = Math.max(code, certs.pullAndPrint(connection, snapshot, clock, out, err));
      }
      out.flush();
      return code;
    } catch (KubeException e) {
      KubeFailure f = e.failure();
      err.println("meshcert scan: " + f.title());
      if (!f.detail().isBlank()) {
        err.println("  detail: " + f.detail());
      }
      f.hints().forEach(h -> err.println("  try: " + h));
      err.flush();
      return FAILED;
    }
  }

  private Optional<String> chosenContext(ClusterConnector connector) {
    return context != null ? Optional.of(context) : connector.currentContext();
  }

  private NamespaceScope scope(ClusterConnection connection) {
    if (scope.all) {
      return NamespaceScope.all();
    }
    if (scope.namespace != null) {
      return NamespaceScope.of(scope.namespace);
    }
    return NamespaceScope.of(connection.defaultNamespace().orElse("default"));
  }

  private static int usage(PrintWriter err, String message) {
    err.println("meshcert scan: " + message);
    err.flush();
    return FAILED;
  }
}
