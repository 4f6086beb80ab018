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

  /** Signatures verify to a root and everything is valid at the instant checked. */
  public boolean verifies() {
    return signaturesVerify && validAt;
  }
}
