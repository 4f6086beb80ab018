package dev.meshcert.core.finding;

import dev.meshcert.core.cert.CertificateFacts;
import dev.meshcert.core.cert.KeyUsageBit;
import dev.meshcert.core.chain.Chain;
import dev.meshcert.core.chain.SignatureVerifier;
import java.util.List;
import java.util.Optional;

/**
 * Decides the role of a certificate: a hint from the context wins; a certificate that signed
 * another one in a chain is a CA; otherwise its own shape decides.
 */
public final class Roles {

  /**
   * Only self-issued certificates without key identifiers reach it: rare, so the cache stays small.
   */
  private static final SignatureVerifier VERIFIER = new SignatureVerifier();

  private Roles() {}

  /**
   * The role of a certificate from its shape alone: a SPIFFE ID with a path means a leaf (signing
   * certificates must not have one); else cA=true or keyCertSign means a CA, ROOT when self-signed;
   * else a leaf.
   */
  public static CertificateRole fromShape(CertificateFacts cert) {
    Optional<String> spiffe = cert.spiffeUri();
    if (spiffe.isPresent() && hasPath(spiffe.get())) {
      return CertificateRole.LEAF;
    }
    boolean certSign =
        cert.keyUsage().map(k -> k.contains(KeyUsageBit.KEY_CERT_SIGN)).orElse(false);
    if (cert.ca() || certSign) {
      return selfSigned(cert) ? CertificateRole.ROOT : CertificateRole.INTERMEDIATE;
    }
    return CertificateRole.LEAF;
  }

  /** The role of the certificate at {@code index} of a chain, hints first. */
  public static CertificateRole inChain(Chain chain, int index, LintContext ctx) {
    CertificateFacts cert = chain.certificates().get(index);
    Optional<CertificateRole> hint = ctx.role(cert.sha256());
    if (hint.isPresent()) {
      return hint.get();
    }
    if (index == 0) {
      return fromShape(cert);
    }
    return index == chain.certificates().size() - 1 && chain.endsAtSelfSigned()
        ? CertificateRole.ROOT
        : CertificateRole.INTERMEDIATE;
  }

  /** The role of a lone certificate, hints first. */
  public static CertificateRole alone(CertificateFacts cert, LintContext ctx) {
    return ctx.role(cert.sha256()).orElseGet(() -> fromShape(cert));
  }

  /**
   * Whether the certificate is signed by its own key. Subject equal to issuer is not enough (trap:
   * Linkerd issuers and Istio workload certificates are self-issued but signed by another key), so
   * key identifiers decide when both are present, and the signature otherwise.
   */
  public static boolean selfSigned(CertificateFacts cert) {
    if (!cert.selfIssued()) {
      return false;
    }
    if (cert.authorityKeyId().isPresent() && cert.subjectKeyId().isPresent()) {
      return cert.authorityKeyId().equals(cert.subjectKeyId());
    }
    return VERIFIER.verifies(cert, cert);
  }

  static boolean hasPath(String spiffeUri) {
    int slash = spiffeUri.indexOf('/', "spiffe://".length());
    return slash >= 0 && slash < spiffeUri.length() - 1;
  }

  /** Position of a certificate in a list by SHA-256, or -1. */
  static int indexOf(List<CertificateFacts> certs, CertificateFacts cert) {
    for (int i = 0; i < certs.size(); i++) {
      if (certs.get(i).sha256().equals(cert.sha256())) {
        return i;
      }
    }
    return -1;
  }
}
