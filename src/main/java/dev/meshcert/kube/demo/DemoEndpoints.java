package dev.meshcert.kube.demo;

import dev.meshcert.mesh.policy.MtlsMode;
import dev.meshcert.mesh.policy.ParsedPeerAuthentication;
import dev.meshcert.mesh.policy.PeerAuthenticationResolver;
import dev.meshcert.mesh.workload.Workload;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * How each demo workload port answers and with which certificates: what the probe's loopback
 * servers ({@code probe.DemoMeshServers}) need to behave as the demo mesh says. A port of an Istio
 * workload follows its effective PeerAuthentication (STRICT, PERMISSIVE, DISABLE as plain), a
 * Linkerd proxy takes both, a pod without sidecar is plain HTTP, and the cert-manager workload
 * terminates TLS itself. Keys are handed over in memory only. Immutable and thread-safe.
 */
public final class DemoEndpoints {

  /** How a port answers. */
  public enum Mode {
    /** TLS demanding a client certificate; plain text is dropped. */
    STRICT,
    /** TLS (a client certificate asked for, not required) and plain text on one port. */
    PERMISSIVE,
    /** Plain HTTP only. */
    PLAIN,
    /** TLS without asking for a client certificate. */
    SERVER_TLS
  }

  /** A key and its chain (leaf first), in memory only. */
  public record DemoIdentity(PrivateKey key, List<X509Certificate> chain) {
    public DemoIdentity {
      chain = List.copyOf(chain);
    }

    @Override
    public String toString() {
      return "DemoIdentity[" + chain.get(0).getSubjectX500Principal() + ", key=[redacted]]";
    }
  }

  private final List<Workload> pods;
  private final DemoCertificates certificates;
  private final PeerAuthenticationResolver policies;

  DemoEndpoints(
      List<Workload> pods, DemoCertificates certificates, List<ParsedPeerAuthentication> policies) {
    this.pods = List.copyOf(pods);
    this.certificates = certificates;
    this.policies =
        new PeerAuthenticationResolver(
            "istio-system", policies.stream().flatMap(p -> p.policy().stream()).toList());
  }

  /** How {@code port} of {@code pod} answers; empty when the demo pod does not serve it. */
  public Optional<Mode> mode(Workload pod, int port) {
    if (!pods.contains(pod) || !pod.declaredPorts().contains(port) || port == 15090) {
      return Optional.empty();
    }
    if (istio(pod)) {
      MtlsMode m = policies.resolve(pod).modeFor(port);
      return Optional.of(
          switch (m) {
            case STRICT -> Mode.STRICT;
            case DISABLE -> Mode.PLAIN;
            default -> Mode.PERMISSIVE;
          });
    }
    if (pod.runningContainer("linkerd-proxy").isPresent()) {
      return Optional.of(Mode.PERMISSIVE);
    }
    if (certificates.served(pod.ref()).isPresent()) {
      return Optional.of(Mode.SERVER_TLS);
    }
    return Optional.of(Mode.PLAIN);
  }

  /**
   * The SPIFFE ID Istio gives the pod, from its namespace and service account; empty for pods
   * outside Istio. A probe expects the server to present it (the demo has one pod that does not).
   */
  public Optional<String> expectedSpiffeId(Workload pod) {
    if (!pods.contains(pod) || !istio(pod)) {
      return Optional.empty();
    }
    return Optional.of(
        "spiffe://"
            + DemoCertificates.TRUST_DOMAIN
            + "/ns/"
            + pod.namespace()
            + "/sa/"
            + pod.serviceAccount());
  }

  private static boolean istio(Workload pod) {
    return pod.runningContainer("istio-proxy").isPresent()
        || pod.nativeSidecars().stream().anyMatch(c -> c.name().equals("istio-proxy"))
        || "enabled".equals(pod.annotations().get("ambient.istio.io/redirection"));
  }

  /** The pod's own identity as its proxy holds it: the key and the chain it serves. */
  public Optional<DemoIdentity> identity(Workload pod) {
    return certificates
        .served(pod.ref())
        .map(
            issued ->
                new DemoIdentity(
                    issued.get(0).keys().getPrivate(),
                    issued.stream().map(DemoEndpoints::x509).toList()));
  }

  /** The SPIFFE ID the pod's certificate carries, if any (what its proxy reports as {@code By}). */
  public Optional<String> spiffeId(Workload pod) {
    return identity(pod)
        .flatMap(
            id -> {
              try {
                var sans = id.chain().get(0).getSubjectAlternativeNames();
                return sans == null
                    ? Optional.empty()
                    : sans.stream()
                        .filter(san -> Integer.valueOf(6).equals(san.get(0)))
                        .map(san -> String.valueOf(san.get(1)))
                        .findFirst();
              } catch (CertificateParsingException e) {
                return Optional.empty();
              }
            });
  }

  /** Istio's CA certificate and key (the demo's istio-ca-secret), to mint identities from. */
  public DemoIdentity istioCa() {
    DemoPki.Issued ca = certificates.istioCa();
    return new DemoIdentity(ca.keys().getPrivate(), List.of(x509(ca)));
  }

  /** The roots a mesh client trusts: Istio's root and Linkerd's trust anchor. */
  public List<X509Certificate> roots() {
    List<X509Certificate> out = new ArrayList<>();
    out.add(x509(certificates.istioCa()));
    pods.stream()
        .map(p -> certificates.served(p.ref()))
        .flatMap(Optional::stream)
        .filter(chain -> chain.size() == 3)
        .map(chain -> x509(chain.get(2)))
        .findFirst()
        .ifPresent(out::add);
    return List.copyOf(out);
  }

  private static X509Certificate x509(DemoPki.Issued i) {
    try {
      return new JcaX509CertificateConverter().getCertificate(i.holder());
    } catch (CertificateException e) {
      throw new IllegalStateException("a demo certificate does not convert", e);
    }
  }
}
