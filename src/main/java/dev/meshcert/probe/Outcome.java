package dev.meshcert.probe;

/**
 * What a probe's result means, with the likely causes a person can act on. Each outcome is either a
 * success of its experiment or a specific failure.
 */
public enum Outcome {
  PLAIN_TEXT_ACCEPTED(
      "permissive: plain text accepted",
      "The server answered plain HTTP. If this port should be mTLS-only, the effective"
          + " PeerAuthentication is PERMISSIVE or DISABLE here, or the request bypassed the"
          + " sidecar (port-forward enters the pod on localhost)."),
  PLAIN_TEXT_REFUSED(
      "mTLS enforced: plain text refused",
      "The connection was reset or closed without an HTTP answer: the sidecar expects TLS on this"
          + " port, as a STRICT PeerAuthentication does."),
  CONNECTION_REFUSED(
      "nothing listening: connection refused",
      "No process accepts connections on this port. Check the port number, the container port"
          + " and that the workload is running."),
  CONNECT_TIMEOUT(
      "no answer: connect timed out",
      "The address did not answer. A NetworkPolicy, a firewall or a wrong address is likely; for"
          + " plain HTTP through Istio, a REGISTRY_ONLY outbound policy can also drop it."),
  UNKNOWN_HOST("unknown host", "The name does not resolve from where the probe runs."),
  PORT_FORWARD_FAILED(
      "the port-forward could not be opened",
      "Nothing reached the pod, so this says nothing about its mTLS mode: the API server refused"
          + " or could not open the port-forward. The note names the cause and what to do (a"
          + " missing permission: ask for create pods/portforward in the pod's namespace; the pod"
          + " gone; the API server unreachable); then probe again, or probe from inside a pod."),
  NOT_TLS(
      "server is not TLS (wrong version number)",
      "The server answered the TLS ClientHello with something that is not TLS, usually plain"
          + " HTTP: mTLS is not in force on this port (DISABLE, or no sidecar)."),
  CLIENT_CERTIFICATE_REQUIRED(
      "server requires a client certificate",
      "The server asked for a client certificate and ended the handshake when none came: mTLS is"
          + " enforced. Retry with a workload identity."),
  TLS_WITHOUT_CLIENT_CERTIFICATE_ACCEPTED(
      "TLS accepted without a client certificate",
      "The server completed TLS and answered without a client certificate: it does not demand"
          + " mutual TLS on this port (a PERMISSIVE sidecar or plain server-side TLS)."),
  CLIENT_CERTIFICATE_REJECTED_UNKNOWN_CA(
      "client certificate rejected: unknown CA",
      "The server does not trust the issuer of the client certificate. The identity comes from"
          + " another mesh or an old root: compare the roots (trust view) and the server's"
          + " accepted CA names."),
  CLIENT_CERTIFICATE_REJECTED(
      "client certificate rejected",
      "The server refused the client certificate (bad_certificate, certificate_expired,"
          + " unsupported_certificate). Check its validity, key usage and extended key usage."),
  MUTUAL_TLS_ESTABLISHED(
      "mutual TLS established",
      "Both sides presented certificates and the server answered over the encrypted connection."),
  SERVER_IDENTITY_MISMATCH(
      "server certificate does not carry the expected SPIFFE ID",
      "The server's certificate names another identity than the one expected for this service:"
          + " a wrong service account, namespace or trust domain, or traffic routed elsewhere."),
  SERVER_CERTIFICATE_UNTRUSTED(
      "server certificate does not verify against the mesh root",
      "The server's chain does not lead to the root given. The server uses another CA, or a root"
          + " rotation is half done."),
  SERVER_CERTIFICATE_EXPIRED(
      "server certificate expired (or not yet valid)",
      "A certificate of the server's chain is outside its validity period. Workload certificates"
          + " live about a day and are renewed at about half their life, so an expired one means"
          + " the proxy stopped rotating: its agent cannot reach the CA, or the identity"
          + " controller is down. Not yet valid means a clock is wrong."),
  HANDSHAKE_FAILED(
      "TLS handshake failed",
      "The handshake ended with an alert or a reset that matches no more specific case; see the"
          + " transcript for the alert."),
  READ_TIMEOUT(
      "no answer: read timed out",
      "The connection opened but the server sent nothing in time. A sidecar waiting for TLS"
          + " while the client sends plain text (or the reverse) behaves like this."),
  MESH_MTLS_CONFIRMED(
      "mTLS through the mesh: the server's proxy saw the client's identity",
      "The request left the source pod as plain HTTP, its sidecar upgraded it to mTLS, and the"
          + " server's proxy reported the client certificate in x-forwarded-client-cert."),
  MESH_NO_CLIENT_IDENTITY(
      "answered, but no client identity reported",
      "The server answered without echoing an x-forwarded-client-cert header. Either the request"
          + " did not arrive over mTLS (no sidecar on one side, PERMISSIVE with plain text, DISABLE),"
          + " or the server does not echo request headers: probe a path that does (httpbin's"
          + " /headers)."),
  CANCELLED("cancelled", "The probe was cancelled before it finished.");

  private final String title;
  private final String explanation;

  Outcome(String title, String explanation) {
    this.title = title;
    this.explanation = explanation;
  }

  /** One line for the result matrix. */
  public String title() {
    return title;
  }

  /** What it means and what to try. */
  public String explanation() {
    return explanation;
  }
}
