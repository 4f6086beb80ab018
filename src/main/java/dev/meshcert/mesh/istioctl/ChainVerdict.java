package dev.meshcert.mesh.istioctl;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.Optional;

/**
 * What istioctl leaves out for one certificate chain of a config dump: the whole chain, and whether
 * it verifies against the dump's root certificates ({@code ROOTCA}).
 *
 * @param secret the secret holding the chain
 * @param status its status (ACTIVE, WARMING, STATIC)
 * @param chain every certificate of the chain, leaf first, as given
 * @param anchor the root certificate the chain was verified to, when signatures verify
 * @param signaturesVerify each certificate is signed by the next, and the last by (or is) a root
 * @param validAt every certificate of the chain and the anchor is valid at the instant checked
 * @param reason one sentence: why it verifies, or the first thing that fails
 */
public record ChainVerdict(
    String secret,
    String status,
    List<CertificateFacts> chain,
    Optional<CertificateFacts> anchor,
    boolean signaturesVerify,
    boolean validAt,
    String reason) {

  public ChainVerdict {
    chain = List.copyOf(chain);
  }

  /**
   * The chain as text, one certificate a line, then the verdict:
   *
   * <pre>
   * default (ACTIVE), 2 certificates:
   *   1. spiffe://cluster.local/ns/a/sa/b  serial 6fbee2...  2023-05-15T01:30:52Z to 2023-05-16T01:32:52Z
   *   2. O=cluster.local  serial 193a54...  2023-05-05T03:41:33Z to 2033-05-02T03:41:33Z
   *   ROOTCA: signatures verify to root O=cluster.local (serial 193a54...), but certificate 1 expired ...
   * </pre>
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(secret).append(" (").append(status).append("), ").append(chain.size());
    b.append(chain.size() == 1 ? " certificate:\n" : " certificates:\n");
    for (int i = 0; i < chain.size(); i++) {
      CertificateFacts c = chain.get(i);
      b.append("  ")
          .append(i + 1)
          .append(". ")
          .append(c.spiffeUri().orElse(c.subject().isEmpty() ? "(empty subject)" : c.subject()))
          .append("  serial ")
          .append(c.serialHex())
          .append("  ")
          .append(GoFormat.rfc3339(c.notBefore()))
          .append(" to ")
          .append(GoFormat.rfc3339(c.notAfter()))
          .append('\n');
    }
    return b.append("  ")
        .append(RootCaVerification.ROOT_SECRET)
        .append(": ")
        .append(reason)
        .append('\n')
        .toString();
  }

  /** Signatures verify to a root and everything is valid at the instant checked. */
  public boolean verifies() {
    return signaturesVerify && validAt;
  }
}
