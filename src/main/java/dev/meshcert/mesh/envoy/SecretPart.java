package dev.meshcert.mesh.envoy;

import dev.meshcert.core.cert.CertificateFacts;
import java.util.List;
import java.util.Optional;

/**
 * One certificate-bearing field of an Envoy secret.
 *
 * @param kind which field it is
 * @param field the field path inside the secret, snake_case ({@code
 *     tls_certificate.certificate_chain}, {@code validation_context.trusted_ca}, {@code
 *     validation_context.custom_validator_config.trust_domains[0].trust_bundle})
 * @param trustDomain the trust domain a SPIFFE validator bundle is for; empty for other kinds
 * @param certificates the decoded certificates, in the order given (leaf first for a chain)
 * @param external where the data lives when it is not in the dump ("file /etc/certs/root-cert.pem",
 *     "environment variable CA"); empty for inline data
 */
public record SecretPart(
    Kind kind,
    String field,
    Optional<String> trustDomain,
    List<CertificateFacts> certificates,
    Optional<String> external) {

  public SecretPart {
    certificates = List.copyOf(certificates);
  }

  /** The kinds of certificate data a secret holds. */
  public enum Kind {
    /** {@code tls_certificate.certificate_chain}: the proxy's own chain, leaf first. */
    CERT_CHAIN("Cert Chain"),
    /** {@code validation_context.trusted_ca}: roots peers are verified against. */
    TRUSTED_CA("CA"),
    /** A per-trust-domain bundle of the SPIFFE certificate validator (SPIRE federation). */
    SPIFFE_BUNDLE("CA");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The TYPE istioctl shows: "Cert Chain" or "CA". */
    public String label() {
      return label;
    }
  }
}
