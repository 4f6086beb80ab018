package dev.meshcert.cli;

import dev.meshcert.kube.ClusterConnection;
import dev.meshcert.kube.KubeException;
import dev.meshcert.kube.ProbeExec;
import dev.meshcert.kube.demo.DemoCluster;
import dev.meshcert.probe.DemoMeshServers;
import dev.meshcert.probe.DemoProbe;
import dev.meshcert.probe.IdentityException;
import dev.meshcert.probe.InPodProbe;
import dev.meshcert.probe.Outcome;
import dev.meshcert.probe.ProbeIdentity;
import dev.meshcert.probe.ProbeMatrix;
import dev.meshcert.probe.ProbeResult;
import dev.meshcert.probe.ProbeRoute;
import dev.meshcert.probe.ProbeRun;
import dev.meshcert.probe.ProbeTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code meshcert probe}: the Istio walkthrough's three experiments (plain HTTP, TLS without a
 * client certificate, TLS with an identity) against one target, from this machine, through a
 * port-forward, or from inside a pod, with each outcome explained. Exit codes as {@code inspect}: 0
 * the probe ran and found nothing wrong, 1 a finding, 2 bad usage or an input or cluster that could
 * not be used.
 */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Fire the mTLS walkthrough's three requests at HOST:PORT and explain each outcome.",
      "From this machine by default; --pod runs curl or openssl inside a pod (kubectl exec),",
      "--port-forward goes through a port-forward to a pod's port; --demo probes the built-in",
      "demo mesh (e.g. --demo --target bookinfo/reviews-v1-0:9080 --as bookinfo/productpage-v1-0)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the probe ran and found nothing wrong",
      "1:a finding: the server's SPIFFE ID or chain is wrong, or no known mTLS mode fits",
      "2:bad usage, an identity that cannot be read, an unreachable target, or a cluster that"
          + " cannot be used"
    })
final class ProbeCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int UNUSABLE = 2;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "HOST:PORT",
      description = "Where to probe.")
  String target;

  @Option(
      names = "--cert",
      paramLabel = "FILE",
      description = "Client certificate chain (PEM, leaf first).")
  String cert;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "The client certificate's key (PEM; kept in memory).")
  String key;

  @Option(
      names = "--cacert",
      paramLabel = "FILE",
      description = "Root(s) to verify the server against (PEM).")
  String cacert;

  @Option(
      names = "--mint-ca",
      paramLabel = "FILE",
      description =
          "CA certificate (chain) to mint a short-lived identity from, e.g. cacerts' ca-cert.pem.")
  String mintCa;

  @Option(
      names = "--mint-ca-key",
      paramLabel = "FILE",
      description = "The minting CA's key (kept in memory).")
  String mintCaKey;

  @Option(
      names = "--spiffe-id",
      paramLabel = "ID",
      description = "SPIFFE ID of the minted identity.")
  String spiffeId;

  @Option(
      names = "--sni",
      paramLabel = "NAME",
      description = "Server name to send (default: HOST).")
  String sni;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      defaultValue = "/",
      description = "HTTP path (default: /).")
  String path;

  @Option(
      names = "--expect-spiffe",
      paramLabel = "ID",
      description = "The SPIFFE ID the server must present.")
  String expectSpiffe;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Seconds for each step: connect, handshake, each read (default: 5).")
  int timeoutSeconds;

  @Option(
      names = "--context",
      paramLabel = "CONTEXT",
      description = "kubeconfig context for --pod / --port-forward.")
  String context;

  @Option(
      names = "--pod",
      paramLabel = "NS/NAME",
      description = "Run the probe from inside this pod.")
  String pod;

  @Option(
      names = {"-c", "--container"},
      paramLabel = "NAME",
      defaultValue = "istio-proxy",
      description = "Container for --pod (default: istio-proxy).")
  String container;

  @Option(
      names = "--tool",
      paramLabel = "TOOL",
      defaultValue = "curl",
      description = "curl or openssl, for --pod.")
  String tool;

  @Option(
      names = "--pod-identity",
      paramLabel = "DIR",
      description =
          "Identity files inside the pod for --pod: DIR/key.pem, cert-chain.pem, root-cert.pem (Istio legacy: /etc/certs).")
  String podIdentity;

  @Option(
      names = "--port-forward",
      paramLabel = "NS/NAME",
      description = "Probe through a port-forward to this pod.")
  String portForward;

  @Option(
      names = "--demo",
      description =
          "Probe the built-in demo mesh (no cluster needed): --target is NAMESPACE/POD:PORT of a"
              + " demo pod, answered by a real server on loopback.")
  boolean demo;

  @Option(
      names = "--as",
      paramLabel = "NS/NAME",
      description = "With --demo: present this demo pod's own workload identity.")
  String as;

  @Option(names = "--json", description = "Print JSON (see docs/json-format.md) instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final ProbeCommandSupport.Connector connector;
  private final Clock clock;

  ProbeCommand(ProbeCommandSupport.Connector connector, Clock clock) {
    this.connector = connector;
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (demo || as != null) {
      return demo(err);
    }
    Optional<ProbeTarget> parsed =
        ProbeCommandSupport.target(target, sni, path, expectSpiffe, timeoutSeconds);
    if (parsed.isEmpty()) {
      return usage(err, "--target must be HOST:PORT (port 1-65535), and --timeout at least 1");
    }
    if (pod != null && portForward != null) {
      return usage(err, "--pod and --port-forward are two different routes: give one");
    }
    if ((cert == null) != (key == null)) {
      return usage(err, "--cert and --key go together");
    }
    if (mintCa != null && (mintCaKey == null || spiffeId == null)) {
      return usage(err, "--mint-ca needs --mint-ca-key and --spiffe-id");
    }
    if (cert != null && mintCa != null) {
      return usage(err, "give either --cert/--key or --mint-ca, not both");
    }
    ProbeIdentity identity;
    try {
      identity =
          ProbeCommandSupport.identity(cert, key, cacert, mintCa, mintCaKey, spiffeId, clock);
    } catch (IdentityException e) {
      return usage(err, e.getMessage());
    }
    ProbeMatrix.Result result;
    String routeName;
    try (ClusterConnection cluster =
        (pod != null || portForward != null) ? connector.open(context) : null) {
      ProbeRoute route;
      if (pod == null && portForward == null) {
        route = new ProbeRoute.Direct(parsed.get());
      } else {
        String[] ref = ProbeCommandSupport.podRef(pod != null ? pod : portForward);
        if (ref.length != 2) {
          return usage(err, (pod != null ? "--pod" : "--port-forward") + " must be NAMESPACE/NAME");
        }
        if (pod != null) {
          Optional<InPodProbe.Tool> t = ProbeCommandSupport.tool(tool);
          if (t.isEmpty()) {
            return usage(err, "--tool must be curl or openssl");
          }
          Optional<ProbeExec> exec = cluster.probeExec();
          if (exec.isEmpty()) {
            return usage(err, "the " + cluster.name() + " connection cannot run commands in pods");
          }
          route =
              new ProbeRoute.InPod(
                  ProbeRoute.Runners.exec(exec.get()),
                  ref[0],
                  ref[1],
                  container,
                  t.get(),
                  parsed.get(),
                  ProbeCommandSupport.podFiles(podIdentity));
        } else {
          route = new ProbeRoute.PortForwarded(cluster.podAccess(), ref[0], ref[1], parsed.get());
        }
      }
      routeName = route.describe();
      result = new ProbeRun(route, identity, clock).run();
    } catch (KubeException e) {
      return usage(err, e.failure().title());
    } catch (IOException e) {
      return usage(err, e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ProbeJson.write(result, routeName, identity.description(), out);
    } else {
      ProbeText.write(result, out);
    }
    out.flush();
    return exitCode(result);
  }

  /** {@code --demo}: the three experiments against a demo pod's port served on loopback. */
  private int demo(PrintWriter err) throws IOException {
    if (!demo) {
      return usage(err, "--as needs --demo");
    }
    if (pod != null || portForward != null || context != null) {
      return usage(
          err, "--demo probes the built-in demo mesh: drop --pod, --port-forward, --context");
    }
    if (timeoutSeconds < 1) {
      return usage(err, "--timeout must be at least 1");
    }
    if ((cert == null) != (key == null)) {
      return usage(err, "--cert and --key go together");
    }
    if (as != null && (cert != null || mintCa != null)) {
      return usage(err, "give either --as or --cert/--key or --mint-ca, not two of them");
    }
    ProbeIdentity given;
    try {
      given = ProbeCommandSupport.identity(cert, key, cacert, mintCa, mintCaKey, spiffeId, clock);
    } catch (IdentityException e) {
      return usage(err, e.getMessage());
    }
    ProbeMatrix.Result result;
    String routeName;
    String identityName;
    try (DemoMeshServers servers = new DemoMeshServers(DemoCluster.create(clock))) {
      DemoProbe.Plan plan =
          DemoProbe.plan(
              servers,
              new DemoProbe.Request(
                  target,
                  Optional.ofNullable(sni),
                  path,
                  Optional.ofNullable(expectSpiffe),
                  Duration.ofSeconds(timeoutSeconds),
                  Optional.ofNullable(as),
                  given));
      ProbeRoute route = new ProbeRoute.Direct(plan.target());
      routeName = "demo mesh: " + route.describe();
      identityName = plan.identity().description();
      ProbeMatrix.Result run = new ProbeRun(route, plan.identity(), clock).run();
      result =
          new ProbeMatrix.Result(
              run.results().stream().map(r -> r.withNotes(List.of(plan.note()))).toList(),
              run.verdict());
    } catch (IOException e) {
      return usage(err, e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ProbeJson.write(result, routeName, identityName, out);
    } else {
      ProbeText.write(result, out);
    }
    out.flush();
    return exitCode(result);
  }

  /** 2 when the target could not be reached, 1 for a finding, else 0. */
  static int exitCode(ProbeMatrix.Result result) {
    if (result.verdict() == ProbeMatrix.Verdict.UNREACHABLE) {
      return UNUSABLE;
    }
    return hasFinding(result) ? FINDINGS : OK;
  }

  /** A wrong server identity or chain, or a set of results no mTLS mode explains. */
  static boolean hasFinding(ProbeMatrix.Result result) {
    boolean wrongServer =
        result.results().stream()
            .map(ProbeResult::outcome)
            .anyMatch(
                o ->
                    o == Outcome.SERVER_IDENTITY_MISMATCH
                        || o == Outcome.SERVER_CERTIFICATE_UNTRUSTED
                        || o == Outcome.SERVER_CERTIFICATE_EXPIRED);
    return wrongServer || result.verdict() == ProbeMatrix.Verdict.INCONCLUSIVE;
  }

  private static int usage(PrintWriter err, String message) {
    err.println("meshcert probe: " + message);
    err.flush();
    return UNUSABLE;
  }
}
