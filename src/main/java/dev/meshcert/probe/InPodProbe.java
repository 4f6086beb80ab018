package dev.meshcert.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The walkthrough's experiments run from inside a source pod: {@code curl -v} (or {@code openssl
 * s_client} when the container has no curl) in a chosen container, with the files already in that
 * container, parsed into the same transcript and outcome as a desktop probe.
 */
public final class InPodProbe {

  /** Files the legacy Istio sidecar kept in /etc/certs (Istio 1.4 and earlier). */
  public record IdentityFiles(String key, String certChain, String root) {
    /** The walkthrough's files. */
    public static final IdentityFiles ISTIO_LEGACY =
        new IdentityFiles(
            "/etc/certs/key.pem", "/etc/certs/cert-chain.pem", "/etc/certs/root-cert.pem");
  }

  /** Which tool to run in the container. */
  public enum Tool {
    CURL,
    OPENSSL
  }

  private final PodCommandRunner runner;

  public InPodProbe(PodCommandRunner runner) {
    this.runner = runner;
  }

  /**
   * Runs one experiment from {@code namespace/pod} container {@code container}.
   *
   * @param identity files inside the container for {@link Experiment#TLS_WITH_IDENTITY}
   */
  public ProbeResult run(
      String namespace,
      String pod,
      String container,
      Tool tool,
      Experiment experiment,
      ProbeTarget target,
      Optional<IdentityFiles> identity)
      throws IOException {
    List<String> command = command(tool, experiment, target, identity);
    Duration limit = target.connectTimeout().plus(target.readTimeout()).plusSeconds(2);
    PodCommandRunner.Result r = runner.run(namespace, pod, container, command, limit);
    boolean cert = experiment == Experiment.TLS_WITH_IDENTITY && identity.isPresent();
    String output = r.stderr() + "\n" + r.stdout();
    return tool == Tool.CURL
        ? CurlOutput.parse(output, r.exitCode(), experiment, target, cert)
        : OpensslOutput.parse(output, r.exitCode(), experiment, target, cert);
  }

  /** What a plain request through the mesh showed, and what the server side reported. */
  public record MeshHop(ProbeResult result, Optional<ForwardedClientCert> forwardedClientCert) {}

  /**
   * Plain HTTP from the source pod's application container: its sidecar (if any) upgrades the
   * request to mTLS, and a server that echoes request headers reports the client identity its proxy
   * saw in {@code x-forwarded-client-cert}.
   */
  public MeshHop throughMesh(String namespace, String pod, String container, ProbeTarget target)
      throws IOException {
    Duration limit = target.connectTimeout().plus(target.readTimeout()).plusSeconds(2);
    PodCommandRunner.Result r = runner.run(namespace, pod, container, meshCommand(target), limit);
    ProbeResult base =
        CurlOutput.parse(r.stderr(), r.exitCode(), Experiment.PLAIN_HTTP, target, false);
    Optional<ForwardedClientCert> xfcc = ForwardedClientCert.findInBody(r.stdout());
    if (base.outcome() != Outcome.PLAIN_TEXT_ACCEPTED) {
      return new MeshHop(base, xfcc);
    }
    Optional<String> client = xfcc.flatMap(ForwardedClientCert::clientUri);
    ProbeResult judged =
        client.isPresent()
            ? base.withOutcome(
                Outcome.MESH_MTLS_CONFIRMED,
                "x-forwarded-client-cert: client "
                    + client.get()
                    + xfcc.flatMap(ForwardedClientCert::by).map(b -> ", server " + b).orElse(""))
            : base.withOutcome(
                Outcome.MESH_NO_CLIENT_IDENTITY,
                "no x-forwarded-client-cert with a client URI in the response body");
    return new MeshHop(judged, xfcc);
  }

  /** The command for {@link #throughMesh}: the body goes to stdout, where the echo is read. */
  public static List<String> meshCommand(ProbeTarget target) {
    long connect = Math.max(1, target.connectTimeout().toSeconds());
    long total = connect + Math.max(1, target.readTimeout().toSeconds());
    return List.of(
        "curl",
        "-sS",
        "-v",
        "--connect-timeout",
        "" + connect,
        "--max-time",
        "" + total,
        "http://" + target.authority() + target.path());
  }

  /** The exact command run in the pod; only these commands are ever run. */
  public static List<String> command(
      Tool tool, Experiment experiment, ProbeTarget target, Optional<IdentityFiles> identity) {
    long connect = Math.max(1, target.connectTimeout().toSeconds());
    long total = connect + Math.max(1, target.readTimeout().toSeconds());
    List<String> c = new ArrayList<>();
    if (tool == Tool.CURL) {
      c.addAll(List.of("curl", "-sS", "-v", "-o", "/dev/null", "--connect-timeout", "" + connect));
      c.addAll(List.of("--max-time", "" + total));
      if (experiment == Experiment.PLAIN_HTTP) {
        c.add("http://" + target.authority() + target.path());
        return List.copyOf(c);
      }
      c.add("-k");
      if (experiment == Experiment.TLS_WITH_IDENTITY) {
        identity.ifPresent(
            f ->
                c.addAll(List.of("--key", f.key(), "--cert", f.certChain(), "--cacert", f.root())));
      }
      c.add("https://" + target.authority() + target.path());
      return List.copyOf(c);
    }
    c.addAll(List.of("openssl", "s_client", "-connect", target.authority()));
    c.addAll(
        List.of("-servername", target.serverName().orElse(target.host()), "-alpn", "http/1.1"));
    if (experiment == Experiment.TLS_WITH_IDENTITY) {
      identity.ifPresent(
          f -> c.addAll(List.of("-cert", f.certChain(), "-key", f.key(), "-CAfile", f.root())));
    }
    return List.copyOf(c);
  }
}
