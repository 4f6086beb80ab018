package dev.meshcert.core.spiffe;

import java.util.List;
import java.util.Optional;

/**
 * A syntactically valid SPIFFE ID (SPIFFE-ID specification §2).
 *
 * @param trustDomain the trust domain name, lowercase
 * @param path the path, "" or starting with "/"
 */
public record SpiffeId(String trustDomain, String path) {

  /** The ID as a URI string. */
  public String uri() {
    return "spiffe://" + trustDomain + path;
  }

  /** The path segments, without empty ones. */
  public List<String> segments() {
    return path.isEmpty() ? List.of() : List.of(path.substring(1).split("/"));
  }

  /**
   * The Kubernetes namespace and service account when the path is {@code /ns/NS/sa/SA}, the form
   * Istio, Linkerd's SPIFFE mode and SPIRE's k8s workload registrar use.
   */
  public Optional<KubernetesIdentity> kubernetes() {
    List<String> s = segments();
    if (s.size() == 4 && s.get(0).equals("ns") && s.get(2).equals("sa")) {
      return Optional.of(new KubernetesIdentity(s.get(1), s.get(3)));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return uri();
  }

  /** The namespace and service account a SPIFFE ID names. */
  public record KubernetesIdentity(String namespace, String serviceAccount) {}
}
