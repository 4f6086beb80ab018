package dev.meshcert.probe;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A workload identity to present: the private key and its certificate chain (leaf first). Kept in
 * memory only; {@link #toString()} never shows the key.
 */
public record ClientIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

  public ClientIdentity {
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("an identity needs at least its own certificate");
    }
    chain = List.copyOf(chain);
  }

  @Override
  public String toString() {
    return "ClientIdentity[" + chain.get(0).getSubjectX500Principal() + ", key=[redacted]]";
  }
}
