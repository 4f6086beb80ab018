package dev.meshcert.probe;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What a probe presents and trusts: the client identity for the third experiment (absent when none
 * was given: that experiment then runs without a certificate), the roots the server's chain is
 * verified against (empty: "verification skipped"), and where they came from, for the transcript.
 *
 * @param identity the key and chain to present, in memory only
 * @param roots trust anchors for the server's chain
 * @param description "files cert.pem, key.pem", "minted spiffe://... (1 h)", "pulled from pod ..."
 */
public record ProbeIdentity(
    Optional<ClientIdentity> identity, List<X509Certificate> roots, String description) {

  public ProbeIdentity {
    roots = List.copyOf(roots);
  }

  /** No identity and no roots: the third experiment runs without a certificate. */
  public static ProbeIdentity none() {
    return new ProbeIdentity(Optional.empty(), List.of(), "no identity");
  }

  @Override
  public String toString() {
    return "ProbeIdentity[" + description + ", roots=" + roots.size() + "]";
  }
}
