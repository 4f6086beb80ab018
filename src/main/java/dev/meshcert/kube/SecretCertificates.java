package dev.meshcert.kube;

import java.util.Map;
import java.util.Set;

/**
 * The certificate entries of one Secret ({@code tls.crt}, {@code ca.crt}, {@code ca-cert.pem},
 * {@code root-cert.pem}, {@code cert-chain.pem}, ...). Entries holding private keys are dropped
 * when the Secret is read and only their names are kept: a private key never leaves {@code kube}.
 *
 * @param namespace the Secret's namespace
 * @param name its name
 * @param type its type ("kubernetes.io/tls", "istio.io/ca-root", "Opaque")
 * @param certificates entry name to its decoded bytes (PEM text as a rule), certificate entries
 *     only
 * @param withheld names of the entries that were dropped (private keys)
 */
public record SecretCertificates(
    String namespace,
    String name,
    String type,
    Map<String, byte[]> certificates,
    Set<String> withheld) {

  /** Copies the maps (and their arrays). */
  public SecretCertificates {
    java.util.Map<String, byte[]> copy = new java.util.TreeMap<>();
    certificates.forEach((k, v) -> copy.put(k, v.clone()));
    certificates = java.util.Collections.unmodifiableMap(copy);
    withheld = Set.copyOf(withheld);
  }

  /** "namespace/name". */
  public String ref() {
    return namespace + "/" + name;
  }

  /** Whether an entry name holds a private key, by the names Kubernetes and the meshes use. */
  public static boolean isKeyEntry(String entry) {
    String e = entry.toLowerCase(java.util.Locale.ROOT);
    return e.endsWith(".key") || e.contains("key.pem") || e.equals("key") || e.contains("private");
  }
}
