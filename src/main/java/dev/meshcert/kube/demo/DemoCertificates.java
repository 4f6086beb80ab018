package dev.meshcert.kube.demo;

import dev.meshcert.mesh.workload.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The demo mesh's certificates, generated relative to "now": an Istio root with a 24-hour workload
 * certificate per pod (one about to expire, one expired, one whose SPIFFE ID names another service
 * account), a Linkerd trust anchor and issuer with DNS-style identities, and a cert-manager issuer
 * for a CSI-mounted certificate.
 */
final class DemoCertificates {

  static final String TRUST_DOMAIN = "cluster.local";
  static final String EXPIRING = "bookinfo/reviews-v2-7bf8c9648f-x5cq2";
  static final String EXPIRED = "bookinfo/ratings-v1-b6994bb9-tg4kl";
  static final String MISMATCH = "bookinfo/details-v1-79f774bdb9-kq2lw";

  /** The pod whose proxy still holds the root the mesh had before its last rotation. */
  static final String STALE_ROOT = "bookinfo/reviews-v1-545db77b95-8jz5b";

  /** The pod whose sidecar is of Istio 1.4: certificates in /etc/certs, no secrets in its dump. */
  static final String LEGACY_FILES = "legacy/inventory-5d9c7f8b4-wq8rt";

  private final Map<String, String> chains = new HashMap<>();
  private final Map<String, List<DemoPki.Issued>> served = new HashMap<>();
  private final String istioRoot;
  private final String previousIstioRoot;
  private final String linkerdAnchor;
  private final DemoPki.Issued linkerdIssuer;
  private final DemoPki.Issued istioCa;

  DemoCertificates(Instant now, List<Workload> pods) {
    DemoPki pki = new DemoPki();
    DemoPki.Issued root =
        pki.ca(
            "O=" + TRUST_DOMAIN,
            null,
            now.minus(Duration.ofDays(400)),
            now.plus(Duration.ofDays(3250)),
            -1);
    DemoPki.Issued anchor =
        pki.ca(
            "CN=root.linkerd.cluster.local",
            null,
            now.minus(Duration.ofDays(200)),
            now.plus(Duration.ofDays(165)),
            1);
    DemoPki.Issued issuer =
        pki.ca(
            "CN=identity.linkerd.cluster.local",
            anchor,
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(335)),
            0);
    DemoPki.Issued internal =
        pki.ca(
            "CN=internal-ca,O=Example Payments",
            null,
            now.minus(Duration.ofDays(700)),
            now.plus(Duration.ofDays(1125)),
            -1);
    DemoPki.Issued previous =
        pki.ca(
            "O=" + TRUST_DOMAIN,
            null,
            now.minus(Duration.ofDays(800)),
            now.plus(Duration.ofDays(2850)),
            -1);
    istioRoot = root.pem();
    istioCa = root;
    previousIstioRoot = previous.pem();
    linkerdAnchor = anchor.pem();
    linkerdIssuer = issuer;
    for (Workload pod : pods) {
      leaf(pki, pod, now, root, issuer, anchor, internal)
          .ifPresent(
              issued -> {
                served.put(pod.ref(), issued);
                StringBuilder pem = new StringBuilder();
                issued.forEach(i -> pem.append(i.pem()));
                chains.put(pod.ref(), pem.toString());
              });
    }
  }

  private static Optional<List<DemoPki.Issued>> leaf(
      DemoPki pki,
      Workload pod,
      Instant now,
      DemoPki.Issued root,
      DemoPki.Issued issuer,
      DemoPki.Issued anchor,
      DemoPki.Issued internal) {
    String ns = pod.namespace();
    boolean istio =
        pod.runningContainer("istio-proxy").isPresent()
            || "enabled".equals(pod.annotations().get("ambient.istio.io/redirection"));
    if (istio && !ns.equals("istio-system")) {
      String sa = pod.ref().equals(MISMATCH) ? "bookinfo-reviews" : pod.serviceAccount();
      Instant from = now.minus(Duration.ofHours(1));
      if (pod.ref().equals(EXPIRING)) {
        from = now.minus(Duration.ofHours(23));
      } else if (pod.ref().equals(EXPIRED)) {
        from = now.minus(Duration.ofHours(26));
      }
      DemoPki.Issued leaf =
          pki.leaf(
              "",
              List.of(
                  new GeneralName(
                      GeneralName.uniformResourceIdentifier,
                      "spiffe://" + TRUST_DOMAIN + "/ns/" + ns + "/sa/" + sa)),
              root,
              from,
              from.plus(Duration.ofHours(24)));
      return Optional.of(List.of(leaf, root));
    }
    if (pod.runningContainer("linkerd-proxy").isPresent()) {
      String name =
          pod.serviceAccount() + "." + ns + ".serviceaccount.identity.linkerd.cluster.local";
      Instant from = now.minus(Duration.ofHours(2));
      DemoPki.Issued leaf =
          pki.leaf(
              "CN=" + name,
              List.of(new GeneralName(GeneralName.dNSName, name)),
              issuer,
              from,
              from.plus(Duration.ofHours(24)));
      return Optional.of(List.of(leaf, issuer, anchor));
    }
    if (pod.volumes().stream().anyMatch(v -> v.source().equals("csi.cert-manager.io"))) {
      String dns = pod.workloadName() + "." + ns + ".svc.cluster.local";
      Instant from = now.minus(Duration.ofDays(10));
      DemoPki.Issued leaf =
          pki.leaf(
              "",
              List.of(new GeneralName(GeneralName.dNSName, dns)),
              internal,
              from,
              from.plus(Duration.ofDays(90)));
      return Optional.of(List.of(leaf, internal));
    }
    return Optional.empty();
  }

  /** The PEM chain (leaf first, root last) served for pod {@code ref}. */
  Optional<String> chain(String ref) {
    return Optional.ofNullable(chains.get(ref));
  }

  /**
   * What pod {@code ref} serves, leaf first, root last: the certificates with their keys (the
   * leaf's key lets the demo's Linkerd proxies answer a TLS handshake; keys never leave memory).
   */
  Optional<List<DemoPki.Issued>> served(String ref) {
    return Optional.ofNullable(served.get(ref));
  }

  /** The root bundle pod {@code ref}'s proxy holds: the previous root for the straggler. */
  String heldIstioRoot(String ref) {
    return ref.equals(STALE_ROOT) ? previousIstioRoot : istioRoot;
  }

  /** Linkerd's issuer certificate PEM (the linkerd-identity-issuer Secret's tls.crt). */
  String linkerdIssuer() {
    return linkerdIssuer.pem();
  }

  /** Istio's self-signed root with its key: what the istio-ca-secret holds (memory only). */
  DemoPki.Issued istioCa() {
    return istioCa;
  }

  /** Istio's root certificate PEM (the istio-ca-root-cert ConfigMap). */
  String istioRoot() {
    return istioRoot;
  }

  /** Linkerd's trust anchor PEM (the linkerd-identity-trust-roots ConfigMap). */
  String linkerdAnchor() {
    return linkerdAnchor;
  }
}
