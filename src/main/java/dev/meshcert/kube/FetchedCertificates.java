package dev.meshcert.kube;

/**
 * Certificates read from a pod's mesh data plane, as bytes for core's {@code InputReader} (PEM, an
 * Envoy config_dump, a ztunnel dump). Never holds private keys: sources that include them are asked
 * for certificates only.
 *
 * @param name where they came from, for the inspector's tree ("bookinfo/productpage-v1-abc
 *     istio-proxy config_dump")
 * @param content the bytes as read
 */
public record FetchedCertificates(String name, byte[] content) {

  /** Keeps its own copy of the bytes. */
  public FetchedCertificates {
    content = content.clone();
  }

  /** A copy of the bytes. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FetchedCertificates f
        && f.name.equals(name)
        && java.util.Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + java.util.Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "FetchedCertificates[" + name + ", " + content.length + " bytes]";
  }
}
