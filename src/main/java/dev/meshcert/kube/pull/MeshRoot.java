package dev.meshcert.kube.pull;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;

/**
 * Root or CA certificates read from the cluster's configuration.
 *
 * @param kind what kind of object they came from
 * @param origin the object ("ConfigMap bookinfo/istio-ca-root-cert", "Secret istio-system/cacerts
 *     ca-cert.pem")
 * @param namespace the namespace the object is in
 * @param certificates the certificates read, in document order
 * @param notes what could not be read, and which key entries were withheld
 */
public record MeshRoot(
    Kind kind,
    String origin,
    String namespace,
    List<CertificateFacts> certificates,
    List<String> notes) {

  /** Copies the lists. */
  public MeshRoot {
    certificates = List.copyOf(certificates);
    notes = List.copyOf(notes);
  }

  /** Where mesh roots and CAs are kept. */
  public enum Kind {
    /** ConfigMap istio-ca-root-cert, one per namespace: the root Istio's workloads trust. */
    ISTIO_ROOT_CONFIGMAP,
    /** Secret istio-ca-secret (istiod's self-signed CA) or cacerts (a plugged-in CA). */
    ISTIO_CA_SECRET,
    /** ConfigMap linkerd-identity-trust-roots: Linkerd's trust anchors. */
    LINKERD_TRUST_ROOTS,
    /** Secret linkerd-identity-issuer: Linkerd's issuer certificate. */
    LINKERD_ISSUER_SECRET,
    /** LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS of a proxy: the anchors that proxy was given. */
    LINKERD_PROXY_ANCHORS,
    /** A kubernetes.io/tls Secret (cert-manager, gateways). */
    TLS_SECRET
  }
}
