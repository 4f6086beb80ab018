package dev.meshcert.core.finding;

import java.util.List;
import java.util.Set;

/**
 * The conventions certificates are judged against besides RFC 5280. Chosen by the caller, or found
 * by {@link MeshProfiles#detect}.
 */
public sealed interface MeshProfile {

  /** A short name for display: "SPIFFE", "Istio", "Linkerd". */
  String name();

  /** Whether the X.509-SVID rules apply. */
  boolean spiffe();

  /**
   * Share of a workload certificate's lifetime after which the mesh renews it (0 to 1), such as 0.5
   * for Istio.
   */
  double renewalRatio();

  /**
   * Plain SPIFFE: X.509-SVIDs from any issuer (SPIRE, cert-manager csi-driver-spiffe, ...). SPIRE
   * agents renew at half of an SVID's lifetime.
   */
  record Spiffe() implements MeshProfile {
    @Override
    public String name() {
      return "SPIFFE";
    }

    @Override
    public boolean spiffe() {
      return true;
    }

    @Override
    public double renewalRatio() {
      return 0.5;
    }
  }

  /**
   * Istio: SPIFFE certificates issued by istiod (or a plugged-in CA), renewed by the agent at about
   * half their lifetime (SECRET_GRACE_PERIOD_RATIO 0.5).
   *
   * @param trustDomain the mesh's trust domain, such as "cluster.local"
   * @param aliases the mesh's trustDomainAliases, possibly empty
   */
  record Istio(String trustDomain, List<String> aliases) implements MeshProfile {
    public Istio {
      aliases = List.copyOf(aliases);
    }

    /** Istio with no aliases. */
    public Istio(String trustDomain) {
      this(trustDomain, List.of());
    }

    /** The trust domain and its aliases. */
    public Set<String> acceptedTrustDomains() {
      java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>();
      s.add(trustDomain);
      s.addAll(aliases);
      return s;
    }

    @Override
    public String name() {
      return "Istio";
    }

    @Override
    public boolean spiffe() {
      return true;
    }

    @Override
    public double renewalRatio() {
      return 0.5;
    }
  }

  /**
   * Linkerd: DNS-style identities {@code SA.NS.serviceaccount.identity.NAMESPACE.TRUST_DOMAIN}
   * issued by the identity controller; proxies renew at 70% of the lifetime.
   *
   * @param trustDomain the identity trust domain, by default "cluster.local"
   * @param namespace the control plane's namespace, by default "linkerd"
   */
  record Linkerd(String trustDomain, String namespace) implements MeshProfile {

    /** Linkerd's defaults: trust domain cluster.local, namespace linkerd. */
    public static Linkerd defaults() {
      return new Linkerd("cluster.local", "linkerd");
    }

    /** The name every workload identity ends with: "identity.linkerd.cluster.local". */
    public String identitySuffix() {
      return "identity." + namespace + "." + trustDomain;
    }

    @Override
    public String name() {
      return "Linkerd";
    }

    @Override
    public boolean spiffe() {
      return false;
    }

    @Override
    public double renewalRatio() {
      return 0.7;
    }
  }
}
