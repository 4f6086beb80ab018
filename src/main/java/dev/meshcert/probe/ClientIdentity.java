package dev.meshcert.probe;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

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

  /** The certificate presented (the first of the chain). */
  public X509Certificate leaf() {
    return chain.get(0);
  }

  /** The SPIFFE ID among the leaf's URI SANs, if any. */
  public Optional<String> spiffeId() {
    try {
      var sans = leaf().getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (Integer.valueOf(6).equals(san.get(0))
              && String.valueOf(san.get(1)).startsWith("spiffe://")) {
            return Optional.of(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (java.security.cert.CertificateParsingException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "ClientIdentity[" + chain.get(0).getSubjectX500Principal() + ", key=[redacted]]";
  }
}
