package dev.meshcert.kube;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Why a cluster operation failed, in terms a person can act on: {@link #title()} says what
 * happened, {@link #hints()} what to try, {@link #detail()} carries the server's own words.
 */
public sealed interface KubeFailure {

  /** What happened, one sentence. */
  String title();

  /** The technical detail (the API server's message, the exception), may be "". */
  String detail();

  /** What to try, most likely first. */
  List<String> hints();

  /** The credentials were rejected (HTTP 401). */
  record Unauthorized(
      String context, String user, Optional<Instant> credentialExpiredAt, String detail)
      implements KubeFailure {
    @Override
    public String title() {
      return "The cluster rejected the credentials of user \""
          + user
          + "\" (401 Unauthorized)"
          + credentialExpiredAt.map(t -> ": the credential expired at " + t).orElse("");
    }

    @Override
    public List<String> hints() {
      return List.of(
          "Log in again to refresh the token (your cloud's login command, or the exec plugin's)",
          "Check that context \"" + context + "\" uses the user you expect",
          "Run: kubectl --context " + context + " get namespaces");
    }
  }

  /** RBAC refused the operation (HTTP 403). */
  record Forbidden(String user, Operation operation, String detail) implements KubeFailure {
    @Override
    public String title() {
      return "User \"" + user + "\" may not " + operation.describe() + " (403 Forbidden)";
    }

    @Override
    public List<String> hints() {
      return List.of(
          "Ask a cluster admin for a Role (or ClusterRole) granting \""
              + operation.verb()
              + "\" on "
              + operation.resource(),
          operation.namespace().isPresent()
              ? "Pick another namespace you can read"
              : "Pick a single namespace: cluster-wide access is often not granted",
          "Check with: kubectl auth can-i "
              + operation.verb()
              + " "
              + operation.resource()
              + operation.namespace().map(n -> " -n " + n).orElse(" -A"));
    }
  }

  /** The resource or its API is not there (HTTP 404). */
  record NotFound(Operation operation, String detail) implements KubeFailure {
    @Override
    public String title() {
      return "Not found: " + operation.describe();
    }

    @Override
    public List<String> hints() {
      return List.of(
          "Check the namespace and name",
          "For mesh resources: is the mesh (and its CRDs) installed in this cluster?");
    }
  }

  /** No connection to the API server. */
  record Unreachable(String server, String detail) implements KubeFailure {
    @Override
    public String title() {
      return "Cannot reach the API server at " + server;
    }

    @Override
    public List<String> hints() {
      return List.of(
          "Check the network or VPN that leads to the cluster",
          "Check that the cluster is running (kubectl cluster-info)",
          "Check the server URL of the context's cluster in your kubeconfig");
    }
  }

  /**
   * A stream through the API server (exec, port-forward) was reached and then cut before it
   * finished: the server answered, so this is not a network or VPN problem at the start.
   *
   * @param what what the stream was, for example "exec of cat /etc/certs/root-cert.pem in
   *     istio-proxy of ns/pod"
   */
  record StreamCut(String server, String what, String detail) implements KubeFailure {
    @Override
    public String title() {
      return "The " + what + " was cut before it finished (API server " + server + ")";
    }

    @Override
    public List<String> hints() {
      return List.of(
          "The pod may have restarted or gone away meanwhile: check it with kubectl get pod",
          "A proxy or load balancer in front of the API server may close long or idle streams:"
              + " try again",
          "If it is cut every time, run the same kubectl exec to see whether it is cut there too");
    }
  }

  /** The TLS handshake with the API server failed. */
  record TlsFailure(String server, String detail) implements KubeFailure {
    @Override
    public String title() {
      return "The TLS connection to the API server at " + server + " failed";
    }

    @Override
    public List<String> hints() {
      return List.of(
          "Check the cluster's certificate-authority(-data) in your kubeconfig",
          "If the server was re-created, fetch a fresh kubeconfig",
          "A proxy that intercepts TLS needs its CA added to certificate-authority");
    }
  }

  /** The operation did not finish in time. */
  record Timeout(Operation operation, Duration after) implements KubeFailure {
    @Override
    public String title() {
      return "No answer within " + after.toSeconds() + " s to " + operation.describe();
    }

    @Override
    public String detail() {
      return "";
    }

    @Override
    public List<String> hints() {
      return List.of(
          "The API server may be overloaded or the network slow: try again",
          "List a single namespace instead of all of them");
    }
  }

  /** The user (or a context switch) cancelled the operation. */
  record Cancelled(Operation operation) implements KubeFailure {
    @Override
    public String title() {
      return "Cancelled: " + operation.describe();
    }

    @Override
    public String detail() {
      return "";
    }

    @Override
    public List<String> hints() {
      return List.of();
    }
  }

  /** No credentials could be obtained (exec plugin missing or failing, unreadable key file). */
  record CredentialsUnavailable(String context, Optional<String> command, String detail)
      implements KubeFailure {
    @Override
    public String title() {
      return command
          .map(c -> "The credential plugin \"" + c + "\" of context \"" + context + "\" failed")
          .orElse("The credentials of context \"" + context + "\" cannot be read");
    }

    @Override
    public List<String> hints() {
      return command.isPresent()
          ? List.of(
              "Install the plugin or put it on PATH (the app sees the PATH it was started with)",
              "Run kubectl --context " + context + " get ns once to log in interactively")
          : List.of("Check the files the kubeconfig user points to");
    }
  }

  /** The kubeconfig cannot be used as asked. */
  record BadKubeconfig(String detail) implements KubeFailure {
    @Override
    public String title() {
      return "The kubeconfig cannot be used: " + detail;
    }

    @Override
    public List<String> hints() {
      return List.of(
          "Check KUBECONFIG and ~/.kube/config (kubectl config view)",
          "Or open the built-in demo mesh");
    }
  }

  /** A command run in a pod failed. */
  record CommandFailed(Operation operation, int exitCode, String detail) implements KubeFailure {
    @Override
    public String title() {
      return "The command run to " + operation.describe() + " failed (exit code " + exitCode + ")";
    }

    @Override
    public List<String> hints() {
      return List.of(
          "The container may lack the tool (distroless images have no shell or cat)",
          "Check that the container is running: kubectl get pod -o wide");
    }
  }

  /**
   * The exec's status channel reported a failure without an exit code: the kubelet or the container
   * runtime could not run the command (the tool is not in the image, the container is not running)
   * or gave up on it.
   *
   * @param operation the exec
   * @param pod "namespace/name"
   * @param container the container
   * @param command the command, one argument per element
   * @param reason the Status reason ("InternalError"), may be ""
   * @param detail the Status message: the runtime's own words
   */
  record ExecFailed(
      Operation operation,
      String pod,
      String container,
      List<String> command,
      String reason,
      String detail)
      implements KubeFailure {
    /** Copies the list. */
    public ExecFailed {
      command = List.copyOf(command);
    }

    @Override
    public String title() {
      return ExecFailureText.title(this);
    }

    @Override
    public List<String> hints() {
      return ExecFailureText.hints(this);
    }
  }

  /** What was asked cannot be done for this kind of object (a source we cannot read yet). */
  record NotSupported(String what, String detail) implements KubeFailure {
    @Override
    public String title() {
      return "Not supported: " + what;
    }

    @Override
    public List<String> hints() {
      return List.of(
          "Read the certificates another way (istioctl proxy-config secret, kubectl cp)");
    }
  }

  /** The server answered, but with something the client could not read. */
  record BadResponse(Operation operation, String detail) implements KubeFailure {
    @Override
    public String title() {
      return "The API server's answer to " + operation.describe() + " could not be read";
    }

    @Override
    public List<String> hints() {
      return List.of(
          "Check that the server URL points at a Kubernetes API server (not a proxy's login page)",
          "The object may be malformed: look at it with kubectl get -o yaml");
    }
  }

  /** The server answered with another error. */
  record ServerError(Operation operation, int code, String detail) implements KubeFailure {
    @Override
    public String title() {
      return "The API server answered " + code + " to " + operation.describe();
    }

    @Override
    public List<String> hints() {
      return List.of("Try again later; if it persists, check the API server's health");
    }
  }
}
